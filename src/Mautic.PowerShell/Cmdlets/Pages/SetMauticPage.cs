namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>
    /// Edits landing pages by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Language, and makes the
    /// alias again from the title); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticPage", SupportsShouldProcess = true)]
    [OutputType("Mautic.Page")]
    public sealed class SetMauticPage : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Pages;

        /// <summary>The page's new title. The same as -Name.</summary>
        [Parameter]
        public string Title { get; set; }

        [Parameter]
        public string Alias { get; set; }

        [Parameter]
        public string Language { get; set; }

        [Parameter]
        public string Template { get; set; }

        [Parameter]
        public string Html { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(PageFields.Of(Title, Alias, Language, Template, Html));
    }
}
