namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>The parameters of New- and Set-MauticFocus, and the fields they send.</summary>
    public sealed class FocusParameters : AreaParameters
    {
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

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("type", Type), ("style", Style), ("website", Website)));
    }
}
