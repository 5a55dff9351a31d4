namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Creates focus items (Mautic requires -Name, -Type and -Style); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticFocus", SupportsShouldProcess = true)]
    [OutputType("Mautic.Focus")]
    public sealed class NewMauticFocus : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Focus;

        /// <summary>What the item does: collect data with a form, show a notice, or emphasize a link.</summary>
        [Parameter]
        [ValidateSet("form", "notice", "link")]
        public string Type { get; set; }

        /// <summary>How it is shown: a bar, a modal, a notification or a full page.</summary>
        [Parameter]
        [ValidateSet("bar", "modal", "notification", "page")]
        public string Style { get; set; }

        /// <summary>The web site the item is meant for (used by the builder's preview).</summary>
        [Parameter]
        public string Website { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() => FocusFields.With(base.NamedFields(), Type, Style, Website);
    }
}
