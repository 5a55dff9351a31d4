using System.Globalization;
using System.IO;
using System.Text;
using Mautic.Client.Files;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Syncs the contacts of a CSV file into Mautic as Sync-MauticContact does (the same rounds of
    /// <see cref="ContactSyncCmdlet"/>), reading the file one record at a time (<see cref="CsvReader"/>): memory does not
    /// grow with the file. Every row that fails is written, as it fails, to -ErrorPath: its own columns and a
    /// MauticError column with the reason. Fixed, that file imports again as it is (the MauticError column is ignored).
    /// </summary>
    [Cmdlet(VerbsData.Import, "MauticContact", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Import-MauticContact.md")]
    [OutputType("Mautic.SyncResult")]
    public sealed class ImportMauticContact : ContactSyncCmdlet, IDisposable
    {
        /// <summary>The column Import-MauticContact adds to -ErrorPath, and ignores when it reads a file.</summary>
        public const string ReasonColumn = "MauticError";

        /// <summary>The CSV file; wildcards allowed, but they must match one file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The CSV file, exactly as written; a file piped from Get-ChildItem binds here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>The character between fields (a comma by default), as Import-Csv's -Delimiter.</summary>
        [Parameter]
        public char Delimiter { get; set; } = ',';

        /// <summary>The file's encoding when it has no byte order mark (a mark always wins): utf8 (the default), unicode, ansi, a code page, ...</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        [ValidateNotNullOrEmpty]
        public string Encoding { get; set; }

        /// <summary>Column names for a file without a header line: its first line is then a row.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Header { get; set; }

        /// <summary>
        /// A CSV file written as rows fail: each failed row's columns and a MauticError column with the reason (the line it
        /// came from and why). Replaced at each run; it has only its header when every row succeeded.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ErrorPath { get; set; }

        protected override string Activity => "Importing Mautic contacts";

        Encoding _encoding;
        CsvReader _reader;
        CsvWriter _errors;
        IReadOnlyList<string> _errorColumns;
        string _errorFile;
        /// <summary>The line each row waiting in the current round came from (for -ErrorPath's reason).</summary>
        readonly Dictionary<PSObject, long> _lines = new Dictionary<PSObject, long>();

        protected override void Begin()
        {
            try { _encoding = TextEncodings.Parse(Encoding); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, Encoding)); }
            base.Begin();
        }

        protected override void Process()
        {
            var literal = ParameterSetName == "LiteralPath";
            var given = literal ? LiteralPath : Path;
            var files = InputFiles(new[] { given }, literal).ToList();
            if (files.Count == 0) return;
            if (files.Count > 1)
            {
                WriteInvalidArgument($"'{given}' matches {files.Count} files; Import-MauticContact reads one file at a time.", given);
                return;
            }
            var file = files[0];
            if (ErrorPath != null && _errors == null && !OpenErrorFile(file)) return;
            using (_reader = Open(file))
            {
                if (_reader == null) return;
                if (_errors != null && !ErrorHeader(file)) return;
                var names = _reader.Header.Select((name, i) => (name, i)).Where(c => !string.Equals(c.name, ReasonColumn, StringComparison.OrdinalIgnoreCase)).ToList();
                while (true)
                {
                    string[] values;
                    try { values = _reader.Read(); }
                    catch (MauticApiException e)
                    {
                        // A broken file: sync what was read before it, then stop with the reason.
                        Finish();
                        ThrowTerminatingError(ToErrorRecord(e, file));
                        return;
                    }
                    if (values == null) break;
                    var row = new PSObject();
                    foreach (var (name, i) in names) row.Properties.Add(new PSNoteProperty(name, values[i]));
                    _lines[row] = _reader.RecordLine;
                    Add(row);
                    if (Waiting == 0) _lines.Clear();
                }
                if (_reader.ExtraFields > 0)
                    WriteWarning($"Import-MauticContact: {_reader.ExtraFields} row(s) of '{file}' had more fields than its header names; the extra fields were ignored.");
            }
            _reader = null;
        }

        protected override void End()
        {
            Finish();
            Dispose();
        }

        CsvReader Open(string file)
        {
            try
            {
                return new CsvReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan), _encoding, Delimiter, Header, "'" + file + "'");
            }
            catch (MauticApiException e) { WriteItemError(e, file); }
            catch (IOException e) { WriteError(new ErrorRecord(e, "MauticFileUnreadable", ErrorCategory.ReadError, file)); }
            catch (UnauthorizedAccessException e) { WriteError(new ErrorRecord(e, "MauticFileUnreadable", ErrorCategory.PermissionDenied, file)); }
            return null;
        }

        bool OpenErrorFile(string input)
        {
            var target = OutputFile(ErrorPath, literal: true, fileName: null);
            if (target == null) return false;
            if (string.Equals(System.IO.Path.GetFullPath(target), System.IO.Path.GetFullPath(input), StringComparison.OrdinalIgnoreCase))
            {
                WriteInvalidArgument($"-ErrorPath '{ErrorPath}' is the file being imported; name another file (e.g. errors-2.csv) so the rows are not overwritten while they are read.", ErrorPath);
                return false;
            }
            try
            {
                var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.Read);
                _errors = new CsvWriter(new StreamWriter(stream, _encoding), Delimiter);
                _errorFile = target;
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "MauticFileUnwritable", ErrorCategory.WriteError, ErrorPath));
                return false;
            }
        }

        /// <summary>Writes -ErrorPath's header from the first file's; a later file (piped) must have the same columns.</summary>
        bool ErrorHeader(string file)
        {
            var columns = _reader.Header.Where(n => !string.Equals(n, ReasonColumn, StringComparison.OrdinalIgnoreCase)).ToList();
            if (_errorColumns == null)
            {
                _errorColumns = columns;
                _errors.Write(_errorColumns.Concat(new[] { ReasonColumn }));
                _errors.Flush();
                return true;
            }
            if (columns.SequenceEqual(_errorColumns, StringComparer.OrdinalIgnoreCase)) return true;
            WriteInvalidArgument($"'{file}' has other columns than the file before it, so its failed rows cannot go to the same -ErrorPath; import it on its own.", file);
            return false;
        }

        protected override void Rejected(PSObject row, string reason)
        {
            if (_errors == null) return;
            var line = _lines.TryGetValue(row, out var l) ? $"Line {l.ToString(CultureInfo.InvariantCulture)}: " : "";
            _errors.Write(_errorColumns.Select(c => row.Properties[c]?.Value as string).Concat(new[] { line + reason }));
            _errors.Flush();
        }

        protected override ProgressRecord Progress(double rowsPerSecond)
        {
            var record = base.Progress(rowsPerSecond);
            var length = _reader?.Length ?? 0;
            var read = _reader?.BytesRead ?? 0;
            if (length > 0 && read > 0)
            {
                record.PercentComplete = (int)Math.Min(100, read * 100 / length);
                record.SecondsRemaining = (int)Math.Min(int.MaxValue, Elapsed.TotalSeconds * (length - read) / read);
            }
            return record;
        }

        protected override void Abandon() => Dispose();

        public void Dispose()
        {
            _errors?.Dispose();
            _errors = null;
            _reader?.Dispose();
        }
    }
}
