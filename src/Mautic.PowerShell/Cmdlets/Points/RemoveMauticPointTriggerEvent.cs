namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>
    /// Removes events from a point trigger (DELETE points/triggers/{id}/events/delete), then reads the trigger again
    /// to tell what really happened: an id the trigger does not have is an ObjectNotFound error, and an event still
    /// there afterwards (Mautic 5.1 answers as if removed but does not save) an InvalidResult error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPointTriggerEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticPointTriggerEvent.md")]
    [OutputType("Mautic.PointTrigger")]
    public sealed class RemoveMauticPointTriggerEvent : RemoveItemsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(AreaRecordCompleter))]
        public long TriggerId { get; set; }

        /// <summary>Event ids; the events of a trigger record (its events property) can be piped.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] EventId { get; set; }

        protected override MauticResource Area => MauticResources.PointTriggers;
        protected override string Key => "events";
        protected override string ItemNoun => "event";
        protected override long RecordId => TriggerId;
        protected override long[] ItemIds => EventId;

        protected override string StillThereHint =>
            " Mautic 5.1 does not save this removal. Replace the trigger's events instead: Set-MauticPointTrigger -Replace with every field and the events to keep.";
    }
}
