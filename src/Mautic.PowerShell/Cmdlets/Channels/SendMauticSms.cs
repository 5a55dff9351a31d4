namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Sends a text message to contacts from the pipeline: one request per contact (Mautic has no batch route),
    /// -ThrottleLimit at a time; a contact Mautic did not send to is an error carrying that contact.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "MauticSms", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Send-MauticSms.md")]
    [OutputType("Mautic.SmsSendResult")]
    public sealed class SendMauticSms : PerContactCmdlet
    {
        /// <summary>The text message: its id, its name (looked up once; it must name exactly one text message) or the text message itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SmsId", "SmsName")]
        [ArgumentCompleter(typeof(SmsCompleter))]
        public MauticRecordRef Sms { get; set; }

        protected override MauticResource Target => MauticResources.Smses;
        protected override MauticRecordRef TargetRef => Sms;
        protected override int BatchSize => OneByOne;
        protected override string Action => "Send text message " + ResolvedTargetId;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Sms.Send(ResolvedTargetId, items, OneByOne, CancellationToken);
    }
}
