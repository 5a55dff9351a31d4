using System.Globalization;
using System.Diagnostics;
using Mautic.Client.Operations;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Makes Mautic's contacts equal to rows from a source of truth (Import-Csv, Get-ADUser, another API): each row is
    /// matched by -MatchOn, compared field by field, and only what differs is written (<see cref="ContactSync"/>). One
    /// result per row that succeeded (Created, Updated, Unchanged, with the changes), an error carrying the row for each
    /// one that did not; -WhatIf shows each change and writes nothing.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "MauticContact", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Sync-MauticContact.md")]
    [OutputType("Mautic.SyncResult")]
    public sealed class SyncMauticContact : MauticCmdlet
    {
        /// <summary>A row: its properties are Mautic field aliases, or the columns -FieldMap names.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

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

        /// <summary>Rows matched and written together: one lookup per field and 100 values, one batch request per action.</summary>
        const int RowsPerRound = 200;

        ContactSync _sync;
        readonly List<SyncRow> _rows = new List<SyncRow>();
        readonly Dictionary<string, int> _counts = new Dictionary<string, int>();
        readonly HashSet<string> _unknownSaid = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Stopwatch _clock;
        int _done;

        protected override void Begin()
        {
            var map = PSConvert.ToPlain(FieldMap);
            if (map != null && !(map is IDictionary) && !(map is ScriptBlock))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-FieldMap takes a hashtable (@{{ mail = 'email' }}) or a script block ({{ @{{ email = $_.mail }} }}), not a {map.GetType().Name}."),
                    "MauticInvalidArgument", ErrorCategory.InvalidArgument, FieldMap));
            _sync = new ContactSync(Conn.Client, MatchOn, ClearEmpty);
            _clock = Stopwatch.StartNew();
        }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "row", new[] { "Mautic.Contact" })) return;
            IReadOnlyDictionary<string, object> fields;
            try { fields = Map(InputObject); }
            catch (RuntimeException e) { WriteError(new ErrorRecord(e, "MauticFieldMapFailed", ErrorCategory.InvalidData, InputObject)); return; }
            _rows.Add(new SyncRow(InputObject, fields));
            if (_rows.Count >= RowsPerRound) Round();
        }

        protected override void End()
        {
            Round();
            var summary = $"Sync-MauticContact: {Count("Created")} created, {Count("Updated")} updated, {Count("Unchanged")} unchanged, {Count("Failed")} failed; " +
                $"{_sync.Requests} request(s) in {_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.";
            WriteVerbose(summary);
            WriteInformation(new InformationRecord(summary, "Sync-MauticContact") { Tags = { "Mautic.SyncSummary" } });
            if (_done > RowsPerRound) WriteProgress(new ProgressRecord(1, "Syncing Mautic contacts", "Done") { RecordType = ProgressRecordType.Completed });
        }

        int Count(string action) => _counts.TryGetValue(action, out var n) ? n : 0;

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

        /// <summary>Matches, compares and writes the rows gathered so far; writes one result or error per row, in order.</summary>
        void Round()
        {
            if (_rows.Count == 0) return;
            var rows = _rows.ToList();
            _rows.Clear();
            var unknown = _sync.UnknownFields(rows, CancellationToken).Where(_unknownSaid.Add).ToList();
            if (unknown.Count > 0)
                WriteWarning($"Sync-MauticContact: column(s) {string.Join(", ", unknown.Select(u => "'" + u + "'"))} are no contact field and were left out (map them with -FieldMap, or see Get-MauticField).");
            var plans = _sync.Plan(rows, CancellationToken);
            var approved = new List<SyncPlan>();
            foreach (var plan in plans)
            {
                if (plan.Error != null || plan.Action == SyncAction.Unchanged) { approved.Add(plan); continue; }
                var what = plan.Action == SyncAction.Created ? "Create: " : $"Update contact {plan.Id} (matched on {plan.MatchedOn}): ";
                if (ShouldProcess("contact " + plan.Key, what + string.Join("; ", plan.Changes))) approved.Add(plan);
            }
            foreach (var outcome in _sync.Apply(approved, CancellationToken))
            {
                _done++;
                if (!outcome.Succeeded)
                {
                    _counts["Failed"] = Count("Failed") + 1;
                    WriteItemError(outcome.Error, outcome.Input.Row.Input);
                    continue;
                }
                var action = outcome.Input.Action.ToString();
                _counts[action] = Count(action) + 1;
                WriteRecord(outcome.Input.ToRecord());
            }
            var rate = _done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            WriteProgress(new ProgressRecord(1, "Syncing Mautic contacts", $"{_done} rows, {_sync.Requests} requests, {rate.ToString("0", CultureInfo.InvariantCulture)} rows/s"));
        }
    }
}
