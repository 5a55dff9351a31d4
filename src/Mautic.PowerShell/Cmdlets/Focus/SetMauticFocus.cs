namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Edits focus items by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticFocus", SupportsShouldProcess = true)]
    [OutputType("Mautic.Focus")]
    public sealed class SetMauticFocus : SetEntityCmdlet
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
