namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Remove-Mautic&lt;Record&gt;&lt;Item&gt;: removes items that live inside one record (a form's fields or actions, a
    /// point trigger's events) in one request, between two reads of the record (<see cref="EntityService.RemoveItems"/>):
    /// an id the record does not have is an ObjectNotFound error carrying it, an item still there afterwards an
    /// InvalidResult error. ConfirmImpact High, -Force skips the prompt; -PassThru writes the record as read afterwards.
    /// A cmdlet declares its two id parameters and names the area, the list key and the item noun.
    /// </summary>
    public abstract class RemoveItemsCmdlet : MauticCmdlet, IAreaCmdlet
    {
        protected abstract MauticResource Area { get; }
        MauticResource IAreaCmdlet.Area => Area;
        /// <summary>The record's list of items and the query key of the route: "fields", "actions", "events".</summary>
        protected abstract string Key { get; }
        /// <summary>"field", "action", "event": for messages.</summary>
        protected abstract string ItemNoun { get; }
        /// <summary>The record's id (the derived cmdlet's -FormId, -TriggerId).</summary>
        protected abstract long RecordId { get; }
        /// <summary>The item ids of this pipeline input (the derived cmdlet's -FieldId, -EventId).</summary>
        protected abstract long[] ItemIds { get; }

        /// <summary>What to do instead when Mautic answers as if the items were removed but keeps them.</summary>
        protected virtual string StillThereHint => "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the record as read after the removal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        readonly List<long> _ids = new List<long>();

        protected override void Process()
        {
            foreach (var id in ItemIds)
                if (!_ids.Contains(id) && ShouldProcessForced(Force, $"{ItemNoun} {id} of {Area.Noun} {RecordId}", "Remove")) _ids.Add(id);
        }

        protected override void End()
        {
            if (_ids.Count == 0) return;
            try
            {
                var (record, missing, stillThere) = Conn.Area(Area).RemoveItems(RecordId, Key, Area.Noun + " " + ItemNoun, _ids, CancellationToken);
                var what = char.ToUpperInvariant(Area.Noun[0]) + Area.Noun.Substring(1);
                foreach (var id in missing)
                    WriteItemError(new MauticApiException($"{what} {RecordId} has no {ItemNoun} {id}.", MauticErrorKind.NotFound), id);
                foreach (var id in stillThere)
                    WriteItemError(new MauticApiException($"Mautic answered that {ItemNoun} {id} was removed from {Area.Noun} {RecordId}, but the {Area.Noun} still has it." + StillThereHint,
                        MauticErrorKind.Protocol), id);
                if (PassThru) WriteRecord(record);
            }
            catch (MauticApiException e) { WriteItemError(e, RecordId); }
        }
    }

    /// <summary>Remove-MauticForm&lt;Item&gt;: the form's -FormId; the cmdlet declares its item ids and names the list key.</summary>
    public abstract class RemoveFormItemsCmdlet : RemoveItemsCmdlet
    {
        /// <summary>The form's id.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(AreaRecordCompleter))]
        public long FormId { get; set; }

        protected override MauticResource Area => MauticResources.Forms;
        protected override long RecordId => FormId;
    }
}
