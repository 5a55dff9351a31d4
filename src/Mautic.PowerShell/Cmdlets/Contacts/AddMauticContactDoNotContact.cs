namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Marks contacts as not to be contacted on a channel: one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticContactDoNotContact", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticContactDoNotContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed class AddMauticContactDoNotContact : PerContactChangeCmdlet
    {
        [Parameter]
        [ValidateSet("email", "sms")]
        public string Channel { get; set; } = "email";

        /// <summary>Why: Manual (the default), Unsubscribed or Bounced.</summary>
        [Parameter]
        public DncReason Reason { get; set; } = DncReason.Manual;

        [Parameter] public string Comments { get; set; }

        /// <summary>The id of the e-mail or text message the entry comes from.</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? ChannelId { get; set; }

        protected override string Action => $"Do not contact by {Channel} ({Reason})";

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactExtras.DoNotContact(items, Channel, true, Reason, Comments, ChannelId, OneByOne, CancellationToken);
    }
}
