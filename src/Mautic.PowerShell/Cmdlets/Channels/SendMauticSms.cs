namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Sends a text message to contacts from the pipeline: one request per contact (Mautic has no batch route),
    /// -ThrottleLimit at a time; a contact Mautic did not send to is an error carrying that contact.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "MauticSms", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.SmsSendResult")]
    public sealed class SendMauticSms : PerContactCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long SmsId { get; set; }

        /// <summary>The text message by its name instead (looked up once; it must name exactly one message).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string SmsName { get; set; }

        /// <summary>How many sends run at once.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = MembershipService.DefaultThrottle;

        protected override MauticResource Target => MauticResources.Smses;
        protected override long TargetId => SmsId;
        protected override string TargetName => SmsName;
        protected override int Throttle => ThrottleLimit;
        protected override string Action => "Send text message " + ResolvedTargetId;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Sms.Send(ResolvedTargetId, items, Throttle, CancellationToken);
    }
}
