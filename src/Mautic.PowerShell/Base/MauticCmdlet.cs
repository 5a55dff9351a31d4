using System.IO;
using System.Collections.Concurrent;
using System.Threading;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Base of every cmdlet that talks to Mautic: -Connection (or the session's), cancellation on Ctrl+C,
    /// the client's log lines written as -Verbose/-Debug on the pipeline thread, and errors mapped to ErrorRecords.
    /// </summary>
    public abstract class MauticCmdlet : MauticCmdletBase
    {
        MauticConnection _resolved;

        internal override MauticConnection ResolvedConnection => _resolved;

        /// <summary>The connection to use; defaults to the one Connect-Mautic stored in this session.</summary>
        [Parameter]
        public MauticConnection Connection { get; set; }

        protected MauticConnection Conn
        {
            get
            {
                if (_resolved != null) return _resolved;
                _resolved = Connection ?? MauticSession.Get(SessionState);
                if (_resolved == null)
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("Not connected to Mautic. Run Connect-Mautic first, or pass -Connection."),
                        "MauticNotConnected", ErrorCategory.ConnectionError, null));
                return _resolved;
            }
        }

        readonly Dictionary<string, object> _names = new Dictionary<string, object>();

        /// <summary>
        /// The id <paramref name="reference"/> names in <paramref name="area"/> (see <see cref="MauticRecordRef.Resolve"/>);
        /// each name is looked up once per invocation, however many records the pipeline brings. Throws the lookup's
        /// MauticApiException; the cmdlet says whether that stops it or is one item's error.
        /// </summary>
        protected long Resolve(MauticRecordRef reference, MauticResource area) => Resolve(reference, RecordKind.Of(area));

        /// <summary><see cref="Resolve(MauticRecordRef, MauticResource)"/> for any kind of record (projects).</summary>
        protected long Resolve(MauticRecordRef reference, RecordKind kind)
        {
            var known = _names.Count;
            var id = reference.Resolve(Conn, kind, _names, CancellationToken);
            if (_names.Count > known) WriteVerbose($"{kind.Noun} '{reference.Name}' is id {id}.");
            return id;
        }

        /// <summary><see cref="Resolve"/> for a reference without which nothing can proceed: a failure stops the cmdlet, carrying what was given.</summary>
        protected long ResolveOrStop(MauticRecordRef reference, MauticResource area)
        {
            try { return Resolve(reference, area); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, reference.Given)); throw; }
        }

        /// <summary>
        /// Says, once per call, that -ModifiedSince cannot see API edits on Mautic 7: measured on 7.0.0, an edit through
        /// the API (PATCH or batch PATCH, under Basic or a token) leaves a contact's or company's date_modified at its
        /// creation time, where 5.1.0 moves it. Nothing when <paramref name="modifiedSince"/> is null or the server is older.
        /// </summary>
        protected void WarnModifiedSince(DateTime? modifiedSince, string nouns)
        {
            if (!modifiedSince.HasValue || !Conn.Client.ServerIsAtLeast(new Version(7, 0))) return;
            WriteWarning($"-ModifiedSince: Mautic {Conn.MauticVersion} does not move the date_modified of {nouns} edited through the API (measured on 7.0.0), " +
                $"so {nouns} edited that way since then are not found; those created since are.");
        }

        /// <summary>
        /// The existing local files <paramref name="paths"/> name: with <paramref name="literal"/> each as written,
        /// otherwise with wildcards expanded. A path that names nothing, or a pattern that matches nothing, is an
        /// ObjectNotFound error carrying it; a folder or a non-file-system path an InvalidArgument error.
        /// </summary>
        protected IEnumerable<string> InputFiles(string[] paths, bool literal)
        {
            foreach (var path in paths ?? new string[0])
            {
                var files = new List<string>();
                try
                {
                    if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                    {
                        var one = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                        files.Add(provider.Name == "FileSystem" ? one : null);
                    }
                    else
                    {
                        var resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
                        if (provider.Name != "FileSystem") files.Add(null);
                        else files.AddRange(resolved);
                    }
                }
                catch (ItemNotFoundException) { /* matched nothing */ }
                catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is NotSupportedException || e is ArgumentException || e is PSArgumentException)
                {
                    WriteInvalidArgument($"'{path}' is not a path to a local file: {e.Message}", path);
                    continue;
                }
                if (files.Count == 0)
                {
                    WriteItemError(new MauticApiException($"No file matches '{path}'.", MauticErrorKind.NotFound), path);
                    continue;
                }
                foreach (var file in files)
                {
                    if (file == null) WriteInvalidArgument($"'{path}' is not a path in the file system.", path);
                    else if (Directory.Exists(file)) WriteInvalidArgument($"'{file}' is a folder, not a file.", path);
                    else if (!File.Exists(file)) WriteItemError(new MauticApiException($"Cannot find the file '{file}': it does not exist.", MauticErrorKind.NotFound), path);
                    else yield return file;
                }
            }
        }

        /// <summary>
        /// The local file a download goes to: <paramref name="path"/> resolved (wildcards allowed unless
        /// <paramref name="literal"/>, and then they must match one existing item); an existing folder means
        /// <paramref name="fileName"/> inside it (an error when that is null). Null, after an error carrying the path, when the folder to write in
        /// does not exist or the pattern does not match exactly one item.
        /// </summary>
        protected string OutputFile(string path, bool literal, string fileName)
        {
            string full;
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    var resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
                    if (provider.Name != "FileSystem" || resolved.Count != 1)
                    {
                        WriteInvalidArgument($"'{path}' must name one place in the file system; it matches {resolved.Count}.", path);
                        return null;
                    }
                    full = resolved[0];
                }
                else
                {
                    full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                    if (provider.Name != "FileSystem")
                    {
                        WriteInvalidArgument($"'{path}' is not a path in the file system.", path);
                        return null;
                    }
                }
            }
            catch (ItemNotFoundException)
            {
                WriteItemError(new MauticApiException($"Nothing matches '{path}'.", MauticErrorKind.NotFound), path);
                return null;
            }
            catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is NotSupportedException || e is ArgumentException || e is PSArgumentException)
            {
                WriteInvalidArgument($"'{path}' is not a path to a local file: {e.Message}", path);
                return null;
            }
            if (Directory.Exists(full))
            {
                if (fileName != null) return Path.Combine(full, fileName);
                WriteInvalidArgument($"'{full}' is a folder; name the file to write.", path);
                return null;
            }
            var folder = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                WriteItemError(new MauticApiException($"Cannot write '{full}': the folder '{folder}' does not exist.", MauticErrorKind.NotFound), path);
                return null;
            }
            return full;
        }
    }

    /// <summary>What every cmdlet of the module shares, including the ones without -Connection (Connect-Mautic).</summary>
    public abstract class MauticCmdletBase : PSCmdlet
    {
        /// <summary>The connection this cmdlet uses, once it has resolved one; null before (and for cmdlets without one).</summary>
        internal virtual MauticConnection ResolvedConnection => null;

        readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        readonly ConcurrentQueue<MauticLogEvent> _log = new ConcurrentQueue<MauticLogEvent>();

        protected CancellationToken CancellationToken => _cancel.Token;

        protected override void StopProcessing() => _cancel.Cancel();

        protected sealed override void BeginProcessing()
        {
            RefuseUnanswerablePrompt();
            Run(Begin);
        }
        protected sealed override void ProcessRecord() => Run(Process);
        protected sealed override void EndProcessing() => Run(End);

        /// <summary>
        /// Called when a step ends in a terminating error (not on Ctrl+C), before the error leaves the cmdlet: a bulk
        /// cmdlet sends what it had accepted, so no input is silently dropped.
        /// </summary>
        protected virtual void Abandon() { }

        /// <summary>
        /// Called when Ctrl+C (or Stop-Job, PowerShell.Stop) ended a step of this cmdlet, on the pipeline thread, before
        /// the log lines still queued are written: a bulk cmdlet says what it had sent and not reported.
        /// </summary>
        protected virtual void Stopped() { }

        protected virtual void Begin() { }
        protected virtual void Process() { }
        protected virtual void End() { }

        /// <summary>
        /// Runs a step with the client's log lines captured; a core error that escapes a step ends the cmdlet with a
        /// terminating error (per-item errors are written by the cmdlets themselves and never get here).
        /// </summary>
        void Run(Action step)
        {
            using (MauticLog.BeginScope(e => _log.Enqueue(e), Relay))
            {
                try
                {
                    step();
                }
                catch (Exception) when (_cancel.IsCancellationRequested)
                {
                    // Ctrl+C / Stop-Job: PowerShell is already stopping the pipeline. Whatever ended the step (the
                    // cancellation itself, a request it cut off, a write the stopping pipeline refused), say what was left.
                    Stopped();
                }
                catch (MauticApiException e)
                {
                    Abandon();
                    FlushLog();
                    ThrowTerminatingError(ToErrorRecord(e, e.Offending));
                }
                catch (Exception)
                {
                    // -ErrorAction Stop on an error we wrote, or a failure downstream: the pipeline ends here.
                    Abandon();
                    throw;
                }
                finally
                {
                    FlushLog();
                }
            }
        }

        /// <summary>
        /// Writes the queued lines while the pipeline thread waits on requests (<see cref="MauticLog.WaitAny"/>). A write
        /// that throws there (4>&amp;1 into a command that stops, $VerbosePreference = 'Stop') must not break off the wait,
        /// which may hold outcomes not yet handed back: it is thrown at the cmdlet's next write instead.
        /// </summary>
        void Relay()
        {
            if (_relayFailed != null) return;
            try { FlushLog(); }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                _relayFailed = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo _relayFailed;

        protected void FlushLog()
        {
            var failed = _relayFailed;
            if (failed != null)
            {
                _relayFailed = null;
                failed.Throw();
            }
            while (_log.TryDequeue(out var e))
            {
                if (Stopping)
                {
                    WriteWhileStopping(e.Level, e.Message);
                    continue;
                }
                switch (e.Level)
                {
                    case MauticLogLevel.Debug: WriteDebug(e.Message); break;
                    case MauticLogLevel.Warning: WriteWarning(e.Message); break;
                    default: WriteVerbose(e.Message); break;
                }
            }
        }

        /// <summary>
        /// PowerShell refuses Write* once the pipeline is stopping (Ctrl+C: PipelineStoppedException). A line still to
        /// say then goes to the host, as the stream would have shown it: a verbose line under -Verbose (or
        /// $VerbosePreference), a warning unless warnings are silenced; a debug line is dropped.
        /// </summary>
        protected void WriteWhileStopping(MauticLogLevel level, string message)
        {
            try
            {
                var ui = Host?.UI;
                if (ui == null) return;
                if (level == MauticLogLevel.Verbose && Shows("Verbose", "VerbosePreference")) ui.WriteVerboseLine(message);
                else if (level == MauticLogLevel.Warning && Shows("WarningAction", "WarningPreference")) ui.WriteWarningLine(message);
            }
            catch (Exception)
            {
                // The host is gone too: nothing more can be said.
            }
        }

        bool Shows(string parameter, string preference)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
            {
                if (bound is SwitchParameter on) return on.IsPresent;
                if (bound is ActionPreference given) return given != ActionPreference.SilentlyContinue && given != ActionPreference.Ignore;
            }
            return SessionState.PSVariable.GetValue(preference) is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }

        protected void WriteRecord(MauticRecord record)
        {
            FlushLog();
            WriteObject(PSConvert.ToPSObject(Trim(record)));
        }

        /// <summary>What a record becomes before it is written (Get-MauticContact -Select keeps only the chosen properties); as read by default.</summary>
        protected virtual MauticRecord Trim(MauticRecord record) => record;

        /// <summary>A job's closing summary (counts, requests, time): on -Verbose, and on the information stream tagged Mautic.SyncSummary for scripts.</summary>
        protected void WriteSummary(string summary)
        {
            WriteVerbose(summary);
            WriteInformation(new InformationRecord(summary, MyInvocation.MyCommand.Name) { Tags = { "Mautic.SyncSummary" } });
        }

        protected void WriteItemError(MauticApiException e, object target)
        {
            FlushLog();
            WriteError(ToErrorRecord(e, target));
        }

        /// <summary>Runs <paramref name="each"/> for every id; a Mautic error for one id is an error carrying that id, and the others go on.</summary>
        protected void ForEachId(IEnumerable<long> ids, Action<long> each)
        {
            foreach (var id in ids)
            {
                try { each(id); }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }

        /// <summary>
        /// Writes the records of a small list Mautic answers whole whose <paramref name="key"/> matches one of
        /// <paramref name="names"/> (wildcards, case-insensitive; none given: every record). A name without wildcards
        /// that matches nothing is an ObjectNotFound error carrying it, saying <paramref name="notFound"/>.
        /// </summary>
        protected void WriteMatching(IEnumerable<MauticRecord> all, string key, string[] names, Func<string, string> notFound)
        {
            if (names == null)
            {
                foreach (var r in all) WriteRecord(r);
                return;
            }
            foreach (var name in names)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matched = all.Where(r => pattern.IsMatch((string)r[key])).ToList();
                foreach (var r in matched) WriteRecord(r);
                if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new MauticApiException(notFound(name), MauticErrorKind.NotFound), name);
            }
        }

        internal static ErrorCategory CategoryOf(MauticErrorKind kind)
        {
            switch (kind)
            {
                case MauticErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case MauticErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case MauticErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case MauticErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case MauticErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case MauticErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case MauticErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case MauticErrorKind.NotEnabled: return ErrorCategory.ResourceUnavailable;
                case MauticErrorKind.NotSupported: return ErrorCategory.NotImplemented;
                case MauticErrorKind.Signature: return ErrorCategory.SecurityError;
                case MauticErrorKind.Connection:
                case MauticErrorKind.Server: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.InvalidResult;
            }
        }

        internal ErrorRecord ToErrorRecord(MauticApiException e, object target)
        {
            if (e.Kind == MauticErrorKind.NotFound && ResolvedConnection != null)
            {
                try { e = ResolvedConnection.ExplainNotFound(e, CancellationToken); }
                catch (Exception) { /* Ctrl+C or a failing check: the error as Mautic gave it */ }
            }
            if (e.MayHaveBeenProcessed) e = e.Reworded(e.Message + " " + HowToCheck());
            return new ErrorRecord(e, "Mautic" + e.Kind, CategoryOf(e.Kind), target);
        }

        /// <summary>Every cmdlet name of the module (from the assembly, so it holds however the module was loaded).</summary>
        static readonly HashSet<string> CmdletNames = new HashSet<string>(
            typeof(MauticCmdletBase).Assembly.GetTypes()
                .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault())
                .Where(a => a != null).Select(a => a.VerbName + "-" + a.NounName),
            StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// For a change Mautic may have made although no answer came: the cmdlet that reads back what this one writes
        /// (New-MauticContact: Get-MauticContact; Add-MauticSegmentMember: Get-MauticSegmentMember), to run before trying again.
        /// </summary>
        string HowToCheck()
        {
            var name = MyInvocation?.MyCommand?.Name ?? "";
            var dash = name.IndexOf('-');
            var reader = dash > 0 ? "Get-" + name.Substring(dash + 1) : null;
            return reader != null && CmdletNames.Contains(reader) && !string.Equals(reader, name, StringComparison.OrdinalIgnoreCase)
                ? $"To see what Mautic saved, read it back with {reader} (for example with -Search) before running {name} again."
                : $"Look in Mautic for what {name} was doing before running it again.";
        }

        /// <summary>
        /// A cmdlet that would ask for confirmation (ConfirmImpact at or above $ConfirmPreference, or -Confirm) in a host
        /// that cannot ask stops here, before anything is read or sent, saying how to go ahead without asking, instead of
        /// PowerShell's generic prompt error later (after a pipeline may already have sent part of its input).
        /// </summary>
        void RefuseUnanswerablePrompt()
        {
            if (!WouldPrompt() || !HostCannotPrompt()) return;
            ThrowTerminatingError(CannotPrompt(null));
        }

        ErrorRecord CannotPrompt(Exception inner)
        {
            var name = MyInvocation.MyCommand.Name;
            var force = MyInvocation.MyCommand.Parameters.ContainsKey("Force");
            var how = force ? "Add -Force, or -Confirm:$false," : "Add -Confirm:$false";
            return new ErrorRecord(new PSInvalidOperationException(
                    $"{name} asks for confirmation before it changes anything, but this PowerShell host cannot ask (it is not interactive: a runbook, a job, a service, or pwsh -NonInteractive). " +
                    $"{how} to go ahead without asking; nothing was done.", inner),
                "MauticConfirmationNotPossible", ErrorCategory.InvalidOperation, null);
        }

        CmdletAttribute Declared => (CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));

        /// <summary>
        /// The impact of the riskiest step this run may ask about: the declared ConfirmImpact, unless a cmdlet's steps
        /// differ (Sync-Mautic*Member declares High for its -Exact removals, and adding is Medium).
        /// </summary>
        protected virtual ConfirmImpact PromptImpact => Declared?.ConfirmImpact ?? ConfirmImpact.Medium;

        bool WouldPrompt()
        {
            var attribute = Declared;
            if (attribute == null || !attribute.SupportsShouldProcess) return false;
            var bound = MyInvocation.BoundParameters;
            if (bound.TryGetValue("Force", out var f) && LanguagePrimitives.IsTrue(f is SwitchParameter fs ? fs.IsPresent : f)) return false;
            return PromptsAt(PromptImpact);
        }

        /// <summary>
        /// Whether a step of <paramref name="impact"/> asks before it acts: never under -WhatIf; with -Confirm as it says;
        /// otherwise when the impact is at or above $ConfirmPreference (and that is not None).
        /// </summary>
        bool PromptsAt(ConfirmImpact impact)
        {
            if (WhatIfRequested()) return false;
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var c)) return LanguagePrimitives.IsTrue(c is SwitchParameter cs ? cs.IsPresent : c);
            var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            ConfirmImpact level;
            if (preference is ConfirmImpact ci) level = ci;
            else if (!Enum.TryParse(Convert.ToString(preference, System.Globalization.CultureInfo.InvariantCulture), true, out level)) level = ConfirmImpact.High;
            return level != ConfirmImpact.None && impact >= level;
        }

        /// <summary>
        /// ShouldProcess for one step of a cmdlet whose steps differ in impact: -WhatIf reports it, -Force (when
        /// <paramref name="force"/>) goes ahead, and otherwise it asks exactly when a cmdlet of <paramref name="impact"/>
        /// would. The cmdlet must declare the highest impact of its steps (ShouldProcess asks only up to the declared one).
        /// </summary>
        protected bool ShouldProcessAt(ConfirmImpact impact, bool force, string target, string action)
        {
            if (WhatIfRequested()) return ShouldProcess(target, action);
            if (force || !PromptsAt(impact)) return true;
            return ShouldProcess(target, action);
        }

        /// <summary>
        /// True in a host that cannot answer a prompt: no user interface (a runspace opened without a host, as a test
        /// or a service hosts PowerShell: "Default Host"), a process that is not interactive, or pwsh/powershell started
        /// with -NonInteractive (read from the command line, before -Command/-File, whose arguments are the script's).
        /// </summary>
        bool HostCannotPrompt()
        {
            if (Host?.UI == null || string.Equals(Host.Name, "Default Host", StringComparison.OrdinalIgnoreCase)) return true;
            if (!Environment.UserInteractive) return true;
            return StartedNonInteractive(Environment.GetCommandLineArgs());
        }

        /// <summary>Whether a pwsh or powershell.exe command line holds -NonInteractive (any abbreviation down to -noni, with - or /).</summary>
        internal static bool StartedNonInteractive(string[] args)
        {
            if (args == null || args.Length < 2) return false;
            var exe = System.IO.Path.GetFileNameWithoutExtension(args[0] ?? "");
            if (!exe.Equals("pwsh", StringComparison.OrdinalIgnoreCase) && !exe.Equals("powershell", StringComparison.OrdinalIgnoreCase)) return false;
            foreach (var arg in args.Skip(1))
            {
                if (string.IsNullOrEmpty(arg)) continue;
                if (arg[0] != '-' && arg[0] != '/')
                {
                    if (arg.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)) return false;   // a script file: what follows is its own
                    continue;                                                                     // an option's value (-ExecutionPolicy Bypass)
                }
                var key = arg.TrimStart('-', '/').ToLowerInvariant();
                if (key.Length >= 4 && "noninteractive".StartsWith(key, StringComparison.Ordinal)) return true;
                if (key == "c" || key == "f" || key == "e" || key == "ec" ||
                    (key.Length >= 2 && ("command".StartsWith(key, StringComparison.Ordinal) || "file".StartsWith(key, StringComparison.Ordinal) ||
                                         "encodedcommand".StartsWith(key, StringComparison.Ordinal) || "commandwithargs".StartsWith(key, StringComparison.Ordinal))))
                    return false;
            }
            return false;
        }

        /// <summary>
        /// Cmdlet.ShouldProcess, except that a prompt the host cannot show (one <see cref="RefuseUnanswerablePrompt"/>
        /// could not foresee) ends the cmdlet with the same clear error rather than PowerShell's generic one.
        /// </summary>
        protected new bool ShouldProcess(string target, string action)
        {
            try { return base.ShouldProcess(target, action); }
            catch (Exception e) when (e is System.Management.Automation.Host.HostException || e is PSInvalidOperationException || e is NotImplementedException || e is PSNotImplementedException)
            {
                ThrowTerminatingError(CannotPrompt(e));
                throw;
            }
        }

        /// <summary>Module objects whose Id/ContactId is a contact id.</summary>
        protected static readonly string[] ContactKinds =
        {
            "Mautic.Contact", "Mautic.SegmentMembership", "Mautic.CompanyMembership", "Mautic.StageMembership", "Mautic.EmailSendResult", "Mautic.SmsSendResult",
            "Mautic.CampaignMembership", "Mautic.CampaignMember", "Mautic.EmailActivity",
        };
        /// <summary>Module objects whose Id/SegmentId is a segment id.</summary>
        protected static readonly string[] SegmentKinds = { "Mautic.Segment", "Mautic.SegmentMembership" };

        /// <summary>
        /// Id parameters bind by property name, so a Mautic object of another kind would lend its own id: a segment
        /// piped into Remove-MauticContact would delete the contact that happens to share the segment's id. Returns
        /// false, after one InvalidArgument error carrying the object, when <paramref name="piped"/> is a module
        /// object (also a deserialized one, from a job or Import-Clixml) not among <paramref name="accepted"/>;
        /// anything else (ids, CSV rows, hashtables) passes. <paramref name="noun"/> is singular: "contact".
        /// </summary>
        protected bool AcceptsPiped(PSObject piped, string noun, string[] accepted, string hint = null)
        {
            var kind = PSConvert.MauticKind(piped);
            if (kind == null || accepted.Contains(kind)) return true;
            WriteInvalidArgument($"{MyInvocation.MyCommand.Name} takes {noun} ids or records, but a {kind} was piped in; its id is not a {noun} id, so nothing was done with it.{(hint != null ? " " + hint : "")}", piped);
            return false;
        }

        /// <summary>An input problem found before any request: InvalidArgument, the offending value as target.</summary>
        protected void WriteInvalidArgument(string message, object target) =>
            WriteItemError(new MauticApiException(message, MauticErrorKind.InvalidArgument), target);

        /// <summary>
        /// ShouldProcess that -Force turns into "yes" (no prompt), while -WhatIf still only reports.
        /// Never ShouldContinue: runbooks have no console to answer it.
        /// </summary>
        protected bool ShouldProcessForced(bool force, string target, string action)
        {
            if (force && !WhatIfRequested()) return true;
            return ShouldProcess(target, action);
        }

        protected bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w))
                return w is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(w);
            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }
    }
}
