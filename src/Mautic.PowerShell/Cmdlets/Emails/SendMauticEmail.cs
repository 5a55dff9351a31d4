namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>Sends an e-mail to contacts (transactional, with tokens) or to the e-mail's segments.</summary>
    [Cmdlet(VerbsCommunications.Send, "MauticEmail", SupportsShouldProcess = true, DefaultParameterSetName = ToContact, HelpUri = MauticHelp.Online + "Send-MauticEmail.md")]
    [OutputType("Mautic.EmailSendResult")]
    public sealed class SendMauticEmail : MauticCmdlet
    {
        const string ToContact = "Contact";
        const string ToSegment = "Segment";

        /// <summary>The e-mail: its id, its name (looked up once; it must name exactly one e-mail) or the e-mail itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("EmailId", "EmailName")]
        [ArgumentCompleter(typeof(EmailCompleter))]
        public MauticRecordRef Email { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ToContact, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ToContact)]
        public PSObject InputObject { get; set; }

        /// <summary>Values for tokens in the e-mail: @{ '{order_id}' = 1234 } (braces optional).</summary>
        [Parameter(ParameterSetName = ToContact)]
        public Hashtable Tokens { get; set; }

        /// <summary>Ids of Mautic assets to attach.</summary>
        [Parameter(ParameterSetName = ToContact)]
        public long[] AssetAttachment { get; set; }

        /// <summary>Sends a segment e-mail to the segments it is linked to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ToSegment)]
        public SwitchParameter Segment { get; set; }

        /// <summary>Only these of the e-mail's segments.</summary>
        [Parameter(ParameterSetName = ToSegment)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public long[] SegmentId { get; set; }

        /// <summary>At most this many recipients in this run.</summary>
        [Parameter(ParameterSetName = ToSegment)]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        long _emailId;

        protected override void Begin()
        {
            base.Begin();
            _emailId = ResolveOrStop(Email, MauticResources.Emails);
        }

        protected override void Process()
        {
            if (ParameterSetName == ToSegment)
            {
                if (ShouldProcess("e-mail " + _emailId, "Send to its segments" + (SegmentId != null ? " (" + string.Join(", ", SegmentId) + ")" : "")))
                    WriteRecord(Conn.Emails.SendToSegments(_emailId, SegmentId, Limit, CancellationToken));
                return;
            }
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            foreach (var contactId in ContactId)
            {
                if (!ShouldProcess("contact " + contactId, "Send e-mail " + _emailId)) continue;
                try { WriteRecord(Conn.Emails.SendToContact(_emailId, contactId, Tokens, AssetAttachment, CancellationToken)); }
                catch (MauticApiException e) { WriteItemError(e, contactId); }
            }
        }
    }
}
