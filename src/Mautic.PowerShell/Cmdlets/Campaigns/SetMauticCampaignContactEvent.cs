using System.Globalization;
using Mautic.Client.Json;

namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Changes a contact's log of a campaign event (reschedules it with -TriggerDate): one through the single route,
    /// several from the pipeline 200 per batch request, each failure an error carrying its input.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticCampaignContactEvent", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticCampaignContactEvent.md")]
    [OutputType("Mautic.CampaignContactEvent")]
    public sealed class SetMauticCampaignContactEvent : MauticBulkCmdlet
    {
        /// <summary>The campaign event; an event or contact event record binds through its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long EventId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        public long ContactId { get; set; }

        /// <summary>When the event runs for the contact (the log becomes scheduled); sent in UTC.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? TriggerDate { get; set; }

        /// <summary>Other log fields by name: dateTriggered, metadata, ipAddress, nonActionPathTaken, channel, channelId.</summary>
        [Parameter]
        public Hashtable Property { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        static readonly string[] EventKinds = { "Mautic.CampaignEvent", "Mautic.CampaignContactEvent" };

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "campaign event", EventKinds)) return;
            var payload = new MauticPayload { ["eventId"] = EventId, ["contactId"] = ContactId };
            if (Property != null)
                foreach (DictionaryEntry e in Property) payload[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = e.Value;
            if (TriggerDate.HasValue) payload["triggerDate"] = TriggerDate.Value;
            // The piped row or record is the input an error carries; typed parameters are carried as the request item.
            var target = InputObject ?? (object)payload.ToJson();
            if (payload.Names.Count() == 2)
            {
                WriteInvalidArgument($"Nothing to change for event {EventId} of contact {ContactId}: give -TriggerDate or -Property.", target);
                return;
            }
            if (!ShouldProcess($"event {EventId} of contact {ContactId}", "Update")) return;
            Enqueue(target, payload, null);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Campaigns.EditContactEvents(items, CancellationToken);
    }
}
