using System.Collections.Generic;
using Mautic.Client.Batching;
using Newtonsoft.Json.Linq;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Hands pipeline input to the core's <see cref="BulkWriter{T}"/> (200 per request, sent as each batch fills)
    /// and writes what comes back: a record (when <see cref="EmitRecords"/>), or an error carrying the input.
    /// </summary>
    public abstract class MauticBulkCmdlet : MauticCmdlet
    {
        BulkWriter<object> _writer;

        /// <summary>Whether successful records are written to the pipeline (New-*: always; Set-/Remove-*: with -PassThru).</summary>
        protected virtual bool EmitRecords => true;

        protected abstract IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items);

        protected void Enqueue(object input, JObject payload, long? id)
        {
            if (_writer == null) _writer = new BulkWriter<object>(Send);
            Write(_writer.Add(new WriteItem<object>(input, payload, id)));
        }

        protected override void End()
        {
            if (_writer != null) Write(_writer.Complete());
        }

        void Write(IEnumerable<BatchOutcome<object>> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                if (!outcome.Succeeded) WriteItemError(outcome.Error, outcome.Input);
                else if (EmitRecords) WriteRecord(outcome.Record);
            }
        }
    }
}
