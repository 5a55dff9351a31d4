using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mautic.Client;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>
    /// Removes events from a point trigger (DELETE points/triggers/{id}/events/delete), then reads the trigger again
    /// to tell what really happened: an id the trigger does not have is an ObjectNotFound error, and an event still
    /// there afterwards (Mautic 5.1 answers as if removed but does not save) an InvalidResult error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPointTriggerEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType("Mautic.PointTrigger")]
    public sealed class RemoveMauticPointTriggerEvent : MauticCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long TriggerId { get; set; }

        /// <summary>Event ids; the events of a trigger record (its events property) can be piped.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] EventId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the trigger as read after the removal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        readonly List<long> _ids = new List<long>();

        protected override void Process()
        {
            foreach (var id in EventId)
                if (!_ids.Contains(id) && ShouldProcessForced(Force, $"event {id} of point trigger {TriggerId}", "Remove")) _ids.Add(id);
        }

        protected override void End()
        {
            if (_ids.Count == 0) return;
            try
            {
                var (trigger, notOnTrigger, stillThere) = Conn.Users.RemoveTriggerEvents(TriggerId, _ids, CancellationToken);
                foreach (var id in notOnTrigger)
                    WriteItemError(new MauticApiException($"Point trigger {TriggerId} has no event {id}.", MauticErrorKind.NotFound), id);
                foreach (var id in stillThere)
                    WriteItemError(new MauticApiException($"Mautic answered that event {id} was removed from point trigger {TriggerId}, but the trigger still has it: " +
                        "Mautic 5.1 does not save this removal. Replace the trigger's events instead: Set-MauticPointTrigger -Replace with every field and the events to keep.",
                        MauticErrorKind.Protocol), id);
                if (PassThru) WriteRecord(trigger);
            }
            catch (MauticApiException e) { WriteItemError(e, TriggerId); }
        }
    }
}
