using Mautic.Client.Paging;

namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>
    /// Per contact and e-mail, what happened to the e-mails Mautic sent: one Mautic.EmailActivity per send, open, click
    /// and bounce, in time order, read in bulk from the stats tables (<see cref="EngagementService"/>). Piped contacts are
    /// gathered and read together at the end, a few requests for any number of them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticEmailActivity", HelpUri = MauticHelp.Online + "Get-MauticEmailActivity.md")]
    [OutputType(EngagementService.TypeName)]
    public sealed class GetMauticEmailActivity : MauticCmdlet
    {
        /// <summary>Events at or after this time (a local time unless its Kind is Utc).</summary>
        [Parameter(Position = 0)]
        public DateTime Since { get; set; }

        /// <summary>Events before this time.</summary>
        [Parameter]
        public DateTime Until { get; set; }

        /// <summary>Only these contacts: ids, or piped contacts (and rows with a ContactId), gathered and read together.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Only these e-mails: ids, names or e-mail records (each looked up once).</summary>
        [Parameter]
        [Alias("EmailId", "EmailName")]
        [ArgumentCompleter(typeof(EmailCompleter))]
        public MauticRecordRef[] Email { get; set; }

        /// <summary>Only these kinds of event (Sent, Opened, Clicked, Bounced); all four by default.</summary>
        [Parameter]
        public EngagementKind[] Kind { get; set; }

        /// <summary>Rows per request.</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int PageSize { get; set; } = ListQuery.DefaultPageSize;

        List<long> _contacts;

        protected override void Process()
        {
            if (InputObject != null)
            {
                // Piped input means a contact filter, even when an item is refused: never widen it to every contact.
                _contacts = _contacts ?? new List<long>();
                if (!AcceptsPiped(InputObject, "contact", ContactKinds,
                        "To read the activity of e-mails, give them to -Email: Get-MauticEmailActivity -Email (Get-MauticEmail -Search ...).")) return;
                if (ContactId == null)
                {
                    WriteInvalidArgument($"{MyInvocation.MyCommand.Name} takes contact ids or records with an Id or ContactId; '{InputObject}' has neither.", InputObject);
                    return;
                }
            }
            if (ContactId != null) (_contacts = _contacts ?? new List<long>()).AddRange(ContactId);
        }

        protected override void End()
        {
            List<long> emails = null;
            if (Email != null) emails = Email.Select(e => ResolveOrStop(e, MauticResources.Emails)).Distinct().ToList();
            var query = new EngagementQuery
            {
                Since = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? Since : (DateTime?)null,
                Until = MyInvocation.BoundParameters.ContainsKey(nameof(Until)) ? Until : (DateTime?)null,
                ContactIds = _contacts,
                EmailIds = emails,
                Kinds = Kind,
                PageSize = MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)) ? PageSize : ListQuery.DefaultPageSizeFor(Conn.AuthMethod),
            };
            List<MauticRecord> events;
            try { events = Conn.Engagement.Read(query, CancellationToken); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, null)); return; }
            foreach (var e in events) WriteRecord(e);
        }
    }
}
