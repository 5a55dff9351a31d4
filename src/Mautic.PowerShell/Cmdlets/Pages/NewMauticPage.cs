namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>
    /// Creates landing pages (Mautic requires only the title; the alias is made from it, the language is "en");
    /// piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticPage", SupportsShouldProcess = true)]
    [OutputType("Mautic.Page")]
    public sealed class NewMauticPage : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Pages;

        /// <summary>The page's title (required; the same as -Name).</summary>
        [Parameter(Position = 0)]
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

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(PageFields.Of(Title, Alias, Language, Template, Html));
    }
}
