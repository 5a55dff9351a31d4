using System.Collections.Generic;
using System.Linq;
using Mautic.Client.Batching;
using Newtonsoft.Json.Linq;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Collects pipeline input and sends it in batches of 200 (Mautic's limit) as it arrives, then the rest at the
    /// end. Every input comes back once: a record (written when <see cref="EmitRecords"/>), or an error carrying it.
    /// </summary>
    public abstract class MauticBulkCmdlet : MauticCmdlet
    {
        readonly List<WriteItem<object>> _buffer = new List<WriteItem<object>>();

        /// <summary>Whether successful records are written to the pipeline (New-*: always; Set-/Remove-*: with -PassThru).</summary>
        protected virtual bool EmitRecords => true;

        protected abstract IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items);

        protected void Enqueue(object input, JObject payload, long? id)
        {
            _buffer.Add(new WriteItem<object>(input, payload, id));
            if (_buffer.Count >= Chunk.MaxBatchSize) Flush();
        }

        protected override void End() => Flush();

        void Flush()
        {
            if (_buffer.Count == 0) return;
            var items = _buffer.ToList();
            _buffer.Clear();
            foreach (var outcome in Send(items))
            {
                if (!outcome.Succeeded) WriteItemError(outcome.Error, outcome.Input);
                else if (EmitRecords) WriteRecord(outcome.Record);
            }
        }
    }
}
