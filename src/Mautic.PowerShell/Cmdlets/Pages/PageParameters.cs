namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>The parameters of New- and Set-MauticPage, and the fields they send.</summary>
    public class PageParameters : AreaParameters
    {
        /// <summary>The page's title (New- requires it); the same as -Name.</summary>
        [Parameter]
        public string Title { get; set; }

        /// <summary>The page's URL slug; Mautic makes one from the title when none is given, unique among pages.</summary>
        [Parameter]
        public string Alias { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        /// <summary>The theme the page is built with (blank, ...).</summary>
        [Parameter]
        public string Template { get; set; }

        /// <summary>The page's HTML (Mautic's customHtml).</summary>
        [Parameter]
        public string Html { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("title", Title), ("alias", Alias), ("language", Language), ("template", Template), ("customHtml", Html)));
    }

    /// <summary>New-MauticPage's parameters: the title is also the first positional argument.</summary>
    public sealed class NewPageParameters : PageParameters
    {
        [Parameter(Position = 0)]
        public new string Title { get => base.Title; set => base.Title = value; }
    }
}
