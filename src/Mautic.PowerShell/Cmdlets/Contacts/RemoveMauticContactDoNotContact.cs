namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Makes contacts reachable again on a channel; ConfirmImpact High, -Force skips the prompt.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticContactDoNotContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticContactDoNotContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed class RemoveMauticContactDoNotContact : PerContactChangeCmdlet
    {
        [Parameter]
        [ValidateSet("email", "sms")]
        public string Channel { get; set; } = "email";

        [Parameter] public SwitchParameter Force { get; set; }

        protected override string Action => $"Remove the do-not-contact entry on {Channel}";

        protected override bool Confirm(long id) => ShouldProcessForced(Force, "contact " + id, Action);

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactExtras.DoNotContact(items, Channel, false, throttle: OneByOne, ct: CancellationToken);
    }
}
