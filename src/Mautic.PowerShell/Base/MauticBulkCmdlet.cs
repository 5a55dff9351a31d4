using System.Diagnostics;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Hands pipeline input to the core's <see cref="BulkWriter{T}"/> (200 per request where Mautic has a batch route,
    /// one request per item where it has none, <see cref="BatchSize"/>), -ThrottleLimit requests at once, and writes what
    /// comes back in input order on the pipeline thread: a record (when <see cref="EmitRecords"/>), or an error carrying
    /// the input. Write-Progress after each answered request once a run takes more than one (done, requests, rate and,
    /// at the end, when the count is known, percent and time left); -Verbose says how it sends.
    /// Whatever it accepted is sent even when the pipeline ends early with a terminating error (-ErrorAction Stop on
    /// a bad row, a failure downstream, a binding error on a later row); only Ctrl+C drops what was not yet sent, and
    /// cancels the requests in flight. -Verbose names each batch's request as it is sent and its answer as it comes
    /// ("POST .../api/contacts/batch/new [batch 3: items 401-600]"), so after a stop what was sent is known.
    /// </summary>
    public abstract class MauticBulkCmdlet : MauticCmdlet, IDisposable
    {
        BulkWriter<object> _writer;
        Stopwatch _clock;
        bool _progressShown;
        /// <summary>Outcomes written (a record, an error, or nothing to write); in input order, so after a stop items 1 to this were reported.</summary>
        int _reported;
        bool? _progressWanted;
        /// <summary>Set when End (or Abandon) sends the rest: every item has been accepted, so the count is known.</summary>
        bool _ending;

        /// <summary>
        /// How many requests run at once, 1 (one after the other) to 16. The default was measured on a real Mautic
        /// (<see cref="Throttle.Default"/>).
        /// </summary>
        [Parameter]
        [ValidateRange(1, Throttle.Max)]
        public int ThrottleLimit { get; set; } = Throttle.Default;

        /// <summary>Whether successful records are written to the pipeline (New-*: always; Set-/Remove-*: with -PassThru).</summary>
        protected virtual bool EmitRecords => true;

        /// <summary>Items per request: Mautic's batch limit (200) for a batch route; <see cref="OneByOne"/> where Mautic has none.</summary>
        protected virtual int BatchSize => Chunk.MaxBatchSize;

        /// <summary>The <see cref="BatchSize"/> of a change Mautic has no batch route for: each item is one request, -ThrottleLimit at once.</summary>
        protected const int OneByOne = 1;

        /// <summary>
        /// How many <see cref="Send"/> calls run at once: -ThrottleLimit, or 1 for a cmdlet whose Send itself spreads one
        /// call's items over -ThrottleLimit requests (so that never more than the limit are in flight).
        /// </summary>
        protected virtual int SendsAtOnce => ThrottleLimit;

        protected abstract IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items);

        /// <summary>Called for each item Mautic saved, before its record is written: a cmdlet may say what Mautic left out.</summary>
        protected virtual void Saved(BatchOutcome<object> outcome) { }

        protected void Enqueue(object input, MauticPayload payload, long? id)
        {
            if (_writer == null) Open();
            Write(_writer.Add(WriteItem<object>.Of(input, payload, id)));
        }

        void Open()
        {
            _writer = new BulkWriter<object>(Send, BatchSize, SendsAtOnce, CancellationToken);
            _clock = Stopwatch.StartNew();
            var per = BatchSize == OneByOne ? "one request per item (Mautic has no batch route for this)" : $"up to {BatchSize} items per request";
            WriteVerbose($"{Name}: {per}, up to {ThrottleLimit} request(s) at once (-ThrottleLimit {ThrottleLimit}; 1 sends one after the other). " +
                $"A request is retried up to {Conn.MaxRetries} time(s) on HTTP 429 and 503, and on 502, 504, timeouts and dropped connections " +
                "only when sending it again cannot repeat a change (not for a POST, such as a create); a request Mautic never received is retried for up to " +
                $"{Conn.UnreachableTimeoutSec} s.");
            if (Conn.AuthMethod == "Basic")
                WriteVerbose("This connection uses HTTP Basic: Mautic checks the password (bcrypt) on every request, about 0.45 s of its CPU each, " +
                    "against about 0.08 s per request with OAuth2 client credentials (Connect-Mautic -ClientCredential). For bulk work, OAuth2 is several times cheaper for the server.");
        }

        string Name => MyInvocation?.MyCommand?.Name ?? GetType().Name;

        protected override void End()
        {
            if (_writer == null) return;
            _ending = true;
            foreach (var outcomes in _writer.Drain()) Write(outcomes);
            Progress(done: true);
            WriteVerbose($"{Name}: {_writer.Done} item(s) in {_writer.BatchesDone} request(s) in {_clock.Elapsed.TotalSeconds:0.0} s ({Rate():0.#} items/s).");
        }

        /// <summary>A terminating error inside this cmdlet: send the accepted items and write their outcomes.</summary>
        protected override void Abandon()
        {
            if (_writer == null || (_writer.Pending == 0 && !_writer.InFlight) || CancellationToken.IsCancellationRequested) return;
            _ending = true;
            try
            {
                foreach (var outcomes in _writer.Drain()) Write(outcomes);
                Progress(done: true);
            }
            catch (Exception)
            {
                // The pipeline is ending anyway (the outcomes were all offered, see Write); the original error goes on.
            }
        }

        /// <summary>
        /// Ctrl+C: the requests in flight are cancelled and nothing more is sent. Whatever was sent and not reported is
        /// named in a verbose line (through the host: a stopping pipeline takes no more stream writes). Each batch's
        /// lines end with "[batch N: items F-L]", so its request line and, if one came, its answer line are above it:
        /// Mautic may have saved those rows, all or some of them.
        /// </summary>
        protected override void Stopped()
        {
            if (_writer == null) return;
            var open = _writer.StartedAfter(_reported);
            WriteWhileStopping(MauticLogLevel.Verbose, $"{Name} was stopped: {_reported} item(s) reported; " +
                (open.Count == 0 ? "no request was in flight" : $"{open.Count} request(s) sent or being sent whose results were not reported ({string.Join("; ", open)}): Mautic may have saved some or all of their rows") +
                $"; {_writer.Accepted - _writer.LastStarted} item(s) accepted were not sent.");
        }

        /// <summary>
        /// PowerShell disposes the cmdlet however the pipeline ended. A pipeline that ended outside this cmdlet's own
        /// code (a later row that failed parameter binding under -ErrorAction Stop) never reaches End or Abandon:
        /// the accepted items are still sent here. Nothing can be written any more, so their outcomes are not reported.
        /// </summary>
        public void Dispose()
        {
            if (_writer == null || (_writer.Pending == 0 && !_writer.InFlight) || CancellationToken.IsCancellationRequested) return;
            try { _writer.Complete(); }
            catch (Exception)
            {
                // Disposal must not throw; the items were offered to Mautic.
            }
        }

        /// <summary>Writes every outcome; if writing one throws (-ErrorAction Stop), the rest are still offered, then the first error goes on.</summary>
        void Write(IReadOnlyList<BatchOutcome<object>> outcomes)
        {
            if (outcomes.Count == 0) return;
            Exception first = null;
            foreach (var outcome in outcomes)
            {
                try
                {
                    if (!outcome.Succeeded) WriteItemError(outcome.Error, outcome.Input);
                    else
                    {
                        Saved(outcome);
                        if (EmitRecords && outcome.Record != null) WriteRecord(outcome.Record);
                    }
                    _reported++;
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
            Progress(done: false);
        }

        double Rate() => _clock.Elapsed.TotalSeconds > 0 ? _writer.Done / _clock.Elapsed.TotalSeconds : 0;

        /// <summary>
        /// One progress record per answered request once the run takes more than one request; the count is known at the
        /// end (every item has been accepted), and then the percent and the time left are shown. Nothing is computed when
        /// $ProgressPreference is SilentlyContinue.
        /// </summary>
        void Progress(bool done)
        {
            if (_writer == null || (_writer.BatchesSent < 2 && !_progressShown) || (done && !_progressShown)) return;
            if (_progressWanted == null)
                _progressWanted = !(SessionState.PSVariable.GetValue("ProgressPreference") is ActionPreference p && p == ActionPreference.SilentlyContinue);
            if (!_progressWanted.Value) return;
            var record = new ProgressRecord(ActivityId, Name, "Sending");
            if (done)
            {
                record.RecordType = ProgressRecordType.Completed;
                WriteProgress(record);
                return;
            }
            var rate = Rate();
            var requests = $"{_writer.BatchesDone} request(s) answered, up to {_writer.Throttle} at once, {rate:0.#} items/s";
            if (_ending)
            {
                var total = _writer.Accepted;
                record.StatusDescription = $"{_writer.Done} of {total} items done ({requests})";
                record.PercentComplete = total == 0 ? 100 : (int)Math.Min(100, 100L * _writer.Done / total);
                if (rate > 0) record.SecondsRemaining = (int)Math.Ceiling((total - _writer.Done) / rate);
            }
            else record.StatusDescription = $"{_writer.Done} items done ({requests})";
            WriteProgress(record);
            _progressShown = true;
        }

        int ActivityId => Math.Abs(GetType().FullName.GetHashCode() % 100000) + 1;
    }
}
