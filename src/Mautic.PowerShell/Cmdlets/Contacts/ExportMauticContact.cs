using System.Globalization;
using System.IO;
using System.Text;
using Mautic.Client.Files;
using Mautic.Client.Paging;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Writes contacts to a CSV file as they are read (Get-MauticContact's keyset pages, or a segment's members): one
    /// page in memory at a time. -Property chooses the columns; without it: id, every contact field (Get-MauticField
    /// -Object contact, in Mautic's order), tags, dateAdded and dateModified. Dates in ISO 8601 UTC, booleans 1/0,
    /// multiselect as Mautic writes it (a|b), tags "a, b" as the module's Export-Csv text does. -ModifiedSince/-CreatedSince export only what changed or
    /// arrived since a time (a nightly delta).
    /// </summary>
    [Cmdlet(VerbsData.Export, "MauticContact", SupportsShouldProcess = true, DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Export-MauticContact.md")]
    [OutputType(typeof(void))]
    public sealed class ExportMauticContact : MauticPagedCmdlet
    {
        /// <summary>The CSV file to write; an existing one is replaced unless -NoClobber.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The columns, in order: contact field aliases (email, firstname, a custom field) or contact properties (id, tags, dateAdded, dateModified, points, owner, stage, ...).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Property { get; set; }

        /// <summary>Only the contacts this Mautic search expression matches, e.g. 'email:*@example.com' or 'tag:vip'.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string Search { get; set; }

        /// <summary>Only the contacts of this segment: an id, a name or a segment object.</summary>
        [Parameter(ParameterSetName = ListSet, ValueFromPipeline = true)]
        [Alias("SegmentId")]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public MauticRecordRef Segment { get; set; }

        /// <summary>Only contacts changed (or created, when never changed since) at or after this time; see about_Mautic for keeping the watermark.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedSince { get; set; }

        /// <summary>Only contacts created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedSince { get; set; }

        /// <summary>The character between fields (a comma by default), as Export-Csv's -Delimiter.</summary>
        [Parameter]
        public char Delimiter { get; set; } = ',';

        /// <summary>The file's encoding: utf8 (without a byte order mark, the default), utf8BOM, unicode, ansi, a code page, ...</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        [ValidateNotNullOrEmpty]
        public string Encoding { get; set; }

        /// <summary>Leaves an existing file alone: the export is refused instead.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replaces a read-only file too.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Record properties a column may name besides the contact fields.</summary>
        static readonly string[] RecordProperties =
        {
            "id", "tags", "dateAdded", "dateModified", "dateIdentified", "lastActive", "points", "owner", "stage", "createdBy", "createdByUser",
            "modifiedBy", "modifiedByUser", "utmtags", "ipAddresses", "doNotContact", "color",
        };

        protected override void Process()
        {
            Encoding encoding;
            try { encoding = TextEncodings.Parse(Encoding); }
            catch (MauticApiException e) { WriteItemError(e, Encoding); return; }
            var target = OutputFile(Path, literal: false, fileName: null);
            if (target == null) return;
            if (File.Exists(target))
            {
                if (NoClobber)
                {
                    WriteError(new ErrorRecord(new IOException($"The file '{target}' already exists and -NoClobber was given; nothing was written."), "MauticFileExists", ErrorCategory.ResourceExists, target));
                    return;
                }
                if (Force && (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0 && !WhatIfRequested())
                    File.SetAttributes(target, File.GetAttributes(target) & ~FileAttributes.ReadOnly);
            }
            var fields = Conn.Area(MauticResources.ContactFields).List(new ListQuery { PageSize = 500 }, CancellationToken)
                .Where(f => f["alias"] is string).ToDictionary(f => (string)f["alias"], f => f["type"] as string ?? "text", StringComparer.OrdinalIgnoreCase);
            var columns = Columns(fields);
            if (columns == null) return;
            long? segment = null;
            if (Segment != null)
            {
                try { segment = Resolve(Segment, MauticResources.Segments); }
                catch (MauticApiException e) { WriteItemError(e, Segment.Given); return; }
            }
            if (!ShouldProcess(target, $"Export Mautic contacts ({string.Join(", ", columns)})")) return;

            var q = BuildPagedQuery();
            q.Search = Search;
            q.Minimal = !columns.Any(ContactService.MinimalDrops.Contains);
            WarnModifiedSince(ModifiedSince, "contacts");
            WhereClause.AddDelta(q, ModifiedSince, CreatedSince);
            long? total = null;
            Action<long?> totalKnown = t =>
            {
                total = t;
                if (PagingParameters != null && PagingParameters.IncludeTotalCount)
                    WriteObject(PagingParameters.NewTotalCount((ulong)(t ?? 0), t.HasValue ? 1.0 : 0.0));
            };
            IEnumerable<MauticRecord> records;
            if (segment.HasValue) records = Conn.Memberships.Members(MauticResources.Segments, segment.Value, q, CancellationToken, totalKnown);
            else
            {
                var pager = Conn.Contacts.List(q, CancellationToken);
                pager.TotalKnown = totalKnown;
                records = pager;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            long written = 0;
            var progress = new ProgressRecord(1, "Exporting Mautic contacts to " + System.IO.Path.GetFileName(target), "Reading");
            try
            {
                using (var csv = new CsvWriter(new StreamWriter(new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.Read), encoding), Delimiter))
                {
                    csv.Write(columns);
                    foreach (var record in records)
                    {
                        csv.Write(columns.Select(c => Text(record, c, fields)));
                        written++;
                        if (written % Page == 0)
                        {
                            FlushLog();
                            var rate = written / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                            progress.StatusDescription = $"{written}{(total.HasValue ? " of " + total : "")} contacts, {rate.ToString("0", CultureInfo.InvariantCulture)}/s";
                            if (total > 0)
                            {
                                progress.PercentComplete = (int)Math.Min(100, written * 100 / total.Value);
                                progress.SecondsRemaining = (int)Math.Max(0, (total.Value - written) / rate);
                            }
                            WriteProgress(progress);
                        }
                    }
                }
            }
            catch (IOException e)
            {
                WriteError(new ErrorRecord(e, "MauticFileUnwritable", ErrorCategory.WriteError, target));
                return;
            }
            catch (UnauthorizedAccessException e)
            {
                WriteError(new ErrorRecord(e, "MauticFileUnwritable", ErrorCategory.PermissionDenied, target));
                return;
            }
            if (written >= Page)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            var summary = $"Export-MauticContact: {written} contact(s) written to '{target}' in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.";
            WriteVerbose(summary);
            WriteInformation(new InformationRecord(summary, "Export-MauticContact") { Tags = { "Mautic.ExportSummary" } });
        }

        /// <summary>The columns: -Property resolved to Mautic's spelling (an unknown name is an error naming it), or all.</summary>
        List<string> Columns(Dictionary<string, string> fields)
        {
            if (Property == null)
                return new[] { "id" }.Concat(fields.Keys.Where(k => !string.Equals(k, "tags", StringComparison.OrdinalIgnoreCase) && !string.Equals(k, "id", StringComparison.OrdinalIgnoreCase)))
                    .Concat(new[] { "tags", "dateAdded", "dateModified" }).ToList();
            var columns = new List<string>();
            foreach (var name in Property.Select(p => p.Trim()))
            {
                var known = fields.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? RecordProperties.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    WriteInvalidArgument($"-Property '{name}' is no contact field or property; nothing was written. Fields: Get-MauticField -Object contact; properties: {string.Join(", ", RecordProperties)}.", name);
                    return null;
                }
                if (!columns.Contains(known, StringComparer.OrdinalIgnoreCase)) columns.Add(known);
            }
            return columns;
        }

        /// <summary>A value as the file holds it: dates ISO 8601 UTC (a date field as yyyy-MM-dd), booleans 1/0, multiselect as Mautic's a|b, lists (tags) "a, b" as Export-Csv writes them, a record its id.</summary>
        static string Text(MauticRecord record, string column, Dictionary<string, string> fields)
        {
            var value = record[column];
            if (value == null && !record.Has(column))
                value = record.Properties.FirstOrDefault(p => string.Equals(p.Key, column, StringComparison.OrdinalIgnoreCase)).Value;
            switch (value)
            {
                case null: return "";
                case DateTime d:
                    return fields.TryGetValue(column, out var type) && type == "date"
                        ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case bool b: return b ? "1" : "0";
                case string s: return s;
                case MauticRecord r: return r.Id.HasValue ? r.Id.Value.ToString(CultureInfo.InvariantCulture) : r.ToString();
                case IEnumerable list: return string.Join(", ", list.Cast<object>().Select(o => o is MauticRecord r ? Convert.ToString(r.Id, CultureInfo.InvariantCulture) : Convert.ToString(o, CultureInfo.InvariantCulture)));
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
