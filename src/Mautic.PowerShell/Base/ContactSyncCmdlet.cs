using System.Diagnostics;
using System.Globalization;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// What Sync-MauticContact and Import-MauticContact share: rows (objects whose properties are Mautic field aliases,
    /// or the columns -FieldMap names) gathered <see cref="RowsPerRound"/> at a time and handed to one
    /// <see cref="ContactSync"/> (-MatchOn, -ClearEmpty), -WhatIf on each change, one Mautic.SyncResult per row that
    /// succeeded and an error carrying the row for each that did not, a summary and progress. A cmdlet feeds rows with
    /// <see cref="Add"/>; <see cref="Rejected"/> hears of every row that failed, with the reason.
    /// </summary>
    public abstract class ContactSyncCmdlet : MauticCmdlet
    {
        /// <summary>The fields that identify a contact, in order of precedence: the first one with a value decides.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] MatchOn { get; set; } = { "email" };

        /// <summary>
        /// A hashtable of source column to Mautic field alias (only those columns are synced), or a script block run for
        /// each row ($_) that returns a hashtable or object of alias = value.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object FieldMap { get; set; }

        /// <summary>An empty source value clears the Mautic field (by default it leaves it alone).</summary>
        [Parameter]
        public SwitchParameter ClearEmpty { get; set; }

        /// <summary>Rows matched together: one lookup per field and 100 values.</summary>
        protected const int RowsPerRound = 200;

        /// <summary>
        /// Matched rows held back, at most, while their writes wait to fill a batch: a sync where few rows change writes
        /// them together (1% changed in 10,000 rows: 5 batch requests, not one per round) instead of a small batch per
        /// round. Results still come out in input order, each once its row is written.
        /// </summary>
        protected const int MaxHeldRows = 2000;

        /// <summary>The progress bar's title.</summary>
        protected abstract string Activity { get; }

        ContactSync _sync;
        readonly List<SyncRow> _rows = new List<SyncRow>();
        /// <summary>Rows matched and approved, in input order, whose writes have not been sent yet.</summary>
        readonly List<SyncPlan> _held = new List<SyncPlan>();
        int _heldCreates, _heldUpdates;
        readonly Dictionary<string, int> _counts = new Dictionary<string, int>();
        readonly HashSet<string> _unknownSaid = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Stopwatch _clock;

        /// <summary>Rows done (written, unchanged or failed) so far.</summary>
        protected int Done { get; private set; }
        /// <summary>Rows not done yet: gathered for the next round or matched and held for their writes (0: every row added before is done).</summary>
        protected int Waiting => _rows.Count + _held.Count;
        /// <summary>Requests sent so far.</summary>
        protected int Requests => _sync?.Requests ?? 0;
        /// <summary>Time since the command began.</summary>
        protected TimeSpan Elapsed => _clock?.Elapsed ?? TimeSpan.Zero;

        protected override void Begin()
        {
            var map = PSConvert.ToPlain(FieldMap);
            if (map != null && !(map is IDictionary) && !(map is ScriptBlock))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-FieldMap takes a hashtable (@{{ mail = 'email' }}) or a script block ({{ @{{ email = $_.mail }} }}), not a {map.GetType().Name}."),
                    "MauticInvalidArgument", ErrorCategory.InvalidArgument, FieldMap));
            _sync = new ContactSync(Conn.Client, MatchOn, ClearEmpty);
            _clock = Stopwatch.StartNew();
        }

        /// <summary>Takes one row: mapped now (a -FieldMap failure is that row's error), synced with its round.</summary>
        protected void Add(PSObject row)
        {
            IReadOnlyDictionary<string, object> fields;
            try { fields = Map(row); }
            catch (RuntimeException e)
            {
                Done++;
                _counts["Failed"] = Count("Failed") + 1;
                WriteError(new ErrorRecord(e, "MauticFieldMapFailed", ErrorCategory.InvalidData, row));
                Rejected(row, e.Message);
                return;
            }
            _rows.Add(new SyncRow(row, fields));
            if (_rows.Count >= RowsPerRound) Round();
        }

        /// <summary>Syncs the rows still waiting, then writes the summary (verbose and information stream) and ends the progress bar.</summary>
        protected void Finish()
        {
            Round();
            WriteHeld();
            var name = MyInvocation.MyCommand.Name;
            var summary = $"{name}: {Count("Created")} created, {Count("Updated")} updated, {Count("Unchanged")} unchanged, {Count("Failed")} failed; " +
                $"{Requests} request(s) in {Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.";
            WriteSummary(summary);
            if (Done > RowsPerRound) WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>A row that failed, with the reason (after its error was written).</summary>
        protected virtual void Rejected(PSObject row, string reason) { }

        /// <summary>The progress record after a round: rows, requests and rows per second by default.</summary>
        protected virtual ProgressRecord Progress(double rowsPerSecond) =>
            new ProgressRecord(1, Activity, $"{Done} rows, {Requests} requests, {rowsPerSecond.ToString("0", CultureInfo.InvariantCulture)} rows/s");

        protected int Count(string action) => _counts.TryGetValue(action, out var n) ? n : 0;

        /// <summary>The row's Mautic fields: its own properties, the columns -FieldMap names (renamed), or what the script block returns.</summary>
        IReadOnlyDictionary<string, object> Map(PSObject row)
        {
            var fields = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            switch (PSConvert.ToPlain(FieldMap))
            {
                case IDictionary map:
                    var columns = PSConvert.PropertiesOf(row).ToList();
                    foreach (DictionaryEntry e in map)
                    {
                        var column = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                        var value = columns.FirstOrDefault(c => string.Equals(c.Key, column, StringComparison.OrdinalIgnoreCase));
                        fields[Convert.ToString(PSConvert.ToPlain(e.Value), CultureInfo.InvariantCulture)] = value.Value;
                    }
                    break;
                case ScriptBlock block:
                    var result = block.InvokeWithContext(null, new List<PSVariable> { new PSVariable("_", row) }).FirstOrDefault();
                    if (result == null) throw new RuntimeException("The -FieldMap script block returned nothing for this row.");
                    foreach (var kv in PSConvert.ToPlain(result) is IDictionary d ? d.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object>(Convert.ToString(e.Key, CultureInfo.InvariantCulture), e.Value))
                                 : PSConvert.PropertiesOf(result))
                        fields[kv.Key] = kv.Value;
                    break;
                default:
                    foreach (var kv in PSConvert.PropertiesOf(row)) fields[kv.Key] = kv.Value;
                    break;
            }
            foreach (var key in fields.Keys.ToList()) fields[key] = PSConvert.ToPlain(fields[key]);
            return fields;
        }

        /// <summary>Matches and compares the rows gathered so far, asks -WhatIf/-Confirm for each change, and holds them for <see cref="WriteHeld"/>.</summary>
        void Round()
        {
            if (_rows.Count == 0) return;
            var rows = _rows.ToList();
            _rows.Clear();
            var unknown = _sync.UnknownFields(rows, CancellationToken).Where(_unknownSaid.Add).ToList();
            if (unknown.Count > 0)
                WriteWarning($"{MyInvocation.MyCommand.Name}: column(s) {string.Join(", ", unknown.Select(u => "'" + u + "'"))} are no contact field and were left out (map them with -FieldMap, or see Get-MauticField).");
            var plans = _sync.Plan(rows, CancellationToken);
            var approved = new List<SyncPlan>();
            foreach (var plan in plans)
            {
                if (plan.Error != null || plan.Action == SyncAction.Unchanged) { approved.Add(plan); continue; }
                var what = plan.Action == SyncAction.Created ? "Create: " : $"Update contact {plan.Id} (matched on {plan.MatchedOn}): ";
                if (ShouldProcess("contact " + plan.Key, what + string.Join("; ", plan.Changes))) approved.Add(plan);
            }
            _held.AddRange(approved);
            _heldCreates += approved.Count(p => p.Error == null && p.Action == SyncAction.Created);
            _heldUpdates += approved.Count(p => p.Error == null && p.Action == SyncAction.Updated);
            if (_heldCreates >= RowsPerRound || _heldUpdates >= RowsPerRound || _held.Count >= MaxHeldRows) WriteHeld();
        }

        /// <summary>Sends the held rows' writes (a batch request per action and 200 rows) and writes one result or error per held row, in order.</summary>
        void WriteHeld()
        {
            if (_held.Count == 0) return;
            var approved = _held.ToList();
            _held.Clear();
            _heldCreates = _heldUpdates = 0;
            foreach (var outcome in _sync.Apply(approved, CancellationToken))
            {
                Done++;
                var row = (PSObject)outcome.Input.Row.Input;
                if (!outcome.Succeeded)
                {
                    _counts["Failed"] = Count("Failed") + 1;
                    WriteItemError(outcome.Error, row);
                    Rejected(row, outcome.Error.Message);
                    continue;
                }
                var action = outcome.Input.Action.ToString();
                _counts[action] = Count(action) + 1;
                WriteRecord(outcome.Input.ToRecord());
            }
            WriteProgress(Progress(Done / Math.Max(0.001, Elapsed.TotalSeconds)));
        }
    }
}
