using Newtonsoft.Json.Linq;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Hands pipeline input to the core's <see cref="BulkWriter{T}"/> (200 per request, sent as each batch fills)
    /// and writes what comes back: a record (when <see cref="EmitRecords"/>), or an error carrying the input.
    /// Whatever it accepted is sent even when the pipeline ends early with a terminating error (-ErrorAction Stop on
    /// a bad row, a failure downstream, a binding error on a later row); only Ctrl+C drops what was not yet sent.
    /// </summary>
    public abstract class MauticBulkCmdlet : MauticCmdlet, IDisposable
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

        /// <summary>A terminating error inside this cmdlet: send the accepted items and write their outcomes.</summary>
        protected override void Abandon()
        {
            if (_writer == null || _writer.Pending == 0 || CancellationToken.IsCancellationRequested) return;
            try { Write(_writer.Complete()); }
            catch (Exception)
            {
                // The pipeline is ending anyway (the outcomes were all offered, see Write); the original error goes on.
            }
        }

        /// <summary>
        /// PowerShell disposes the cmdlet however the pipeline ended. A pipeline that ended outside this cmdlet's own
        /// code (a later row that failed parameter binding under -ErrorAction Stop) never reaches End or Abandon:
        /// the accepted items are still sent here. Nothing can be written any more, so their outcomes are not reported.
        /// </summary>
        public void Dispose()
        {
            if (_writer == null || _writer.Pending == 0 || CancellationToken.IsCancellationRequested) return;
            try { _writer.Complete(); }
            catch (Exception)
            {
                // Disposal must not throw; the items were offered to Mautic.
            }
        }

        /// <summary>Writes every outcome; if writing one throws (-ErrorAction Stop), the rest are still offered, then the first error goes on.</summary>
        void Write(IEnumerable<BatchOutcome<object>> outcomes)
        {
            Exception first = null;
            foreach (var outcome in outcomes)
            {
                try
                {
                    if (!outcome.Succeeded) WriteItemError(outcome.Error, outcome.Input);
                    else if (EmitRecords && outcome.Record != null) WriteRecord(outcome.Record);
                }
                catch (Exception e) when (first == null && !(e is OutOfMemoryException))
                {
                    first = e;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // Already stopping on the first; this outcome was still offered to -ErrorVariable and $Error.
                }
            }
            if (first != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
