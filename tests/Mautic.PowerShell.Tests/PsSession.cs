using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Text;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Everything one script run produced: output, the six streams, a terminating error, the requests each fake server saw.</summary>
public sealed class PsResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }
    public required IReadOnlyList<DebugRecord> Debug { get; init; }
    public required IReadOnlyList<InformationRecord> Information { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }
    /// <summary>The terminating error the script ended with (caught by the harness's try/catch), or null.</summary>
    public ErrorRecord? Terminating { get; init; }
    /// <summary>Requests the main fake server saw during the run.</summary>
    public required IReadOnlyList<RecordedRequest> Requests { get; init; }
    /// <summary>Requests the second fake server saw during the run (empty when it was not started).</summary>
    public required IReadOnlyList<RecordedRequest> Requests2 { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>Requests that change data (anything but GET and the OAuth2 token endpoint).</summary>
    public IReadOnlyList<RecordedRequest> Mutating => Requests.Where(r => r.Method != "GET" && !r.Path.StartsWith("/oauth", StringComparison.Ordinal)).ToList();
    public IReadOnlyList<RecordedRequest> Api => Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    public static object? Unwrap(object? v) => v is PSObject p && p.BaseObject is not PSCustomObject ? p.BaseObject : v;

    /// <summary>The items of a list property (records hold lists as MauticList, other objects as arrays).</summary>
    public static object[] Items(object? v) => Unwrap(v) is System.Collections.IEnumerable e and not string ? e.Cast<object>().ToArray()
        : throw new InvalidCastException($"{v?.GetType().Name ?? "null"} is not a list");

    /// <summary>All errors, non-terminating first, then the terminating one.</summary>
    public IReadOnlyList<ErrorRecord> AllErrors => Terminating == null ? Errors : Errors.Append(Terminating).ToList();

    /// <summary>Asserts exactly one non-terminating error, of this category, carrying this input; returns it.</summary>
    public ErrorRecord SingleError(ErrorCategory category, object target)
    {
        var e = Xunit.Assert.Single(Errors);
        Xunit.Assert.Equal(category, e.CategoryInfo.Category);
        Xunit.Assert.Equal(target, Unwrap(e.TargetObject));
        return e;
    }

    public void AssertClean()
    {
        if (Terminating != null) throw new Xunit.Sdk.XunitException("The script ended with a terminating error: " + Describe(Terminating));
        if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("The script wrote errors:\n" + string.Join("\n", Errors.Select(Describe)));
    }

    public static string Describe(ErrorRecord e) =>
        $"[{e.CategoryInfo.Category}] {e.FullyQualifiedErrorId}: {e.Exception?.Message} (target: {e.TargetObject})";
}

/// <summary>
/// One in-process PowerShell session: a fresh fake Mautic (a second one on demand), a runspace with the built module
/// imported from out/Mautic/, and <see cref="Run"/> to execute a script and return everything it produced.
/// Variables set in every runspace: $BaseUrl, $BaseUrl2, $Cred (Basic), $ClientCred (OAuth2 client), $BadCred.
/// </summary>
public sealed class PsSession : IDisposable
{
    static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "MauticPS.sln"))) return d.FullName;
        throw new InvalidOperationException("MauticPS.sln not found above " + AppContext.BaseDirectory);
    });

    public static string ModuleManifest => Path.Combine(RepoRoot.Value, "out", "Mautic", "Mautic.psd1");
    public static string Root => RepoRoot.Value;

    readonly List<Runspace> _runspaces = new();
    FakeMauticServer? _server2;

    public PsSession()
    {
        Server = FakeMauticServer.Start();
        Runspace = NewRunspace();
    }

    public FakeMauticServer Server { get; }
    public FakeState State => Server.State;
    public Runspace Runspace { get; }

    /// <summary>A second fake Mautic, started on first use (its URL is $BaseUrl2 in every runspace).</summary>
    public FakeMauticServer Server2
    {
        get
        {
            if (_server2 != null) return _server2;
            _server2 = FakeMauticServer.Start();
            foreach (var rs in _runspaces) rs.SessionStateProxy.SetVariable("BaseUrl2", _server2.BaseUrl);
            return _server2;
        }
    }

    public string Password => State.AdminPassword;
    public string ClientSecret => State.ClientSecret;

    /// <summary>A new runspace in this process with the module imported and the test variables set.</summary>
    public Runspace NewRunspace()
    {
        var iss = InitialSessionState.CreateDefault2();
        var rs = RunspaceFactory.CreateRunspace(iss);
        rs.Open();
        _runspaces.Add(rs);
        var p = rs.SessionStateProxy;
        p.SetVariable("BaseUrl", Server.BaseUrl);
        p.SetVariable("BaseUrl2", _server2?.BaseUrl);
        p.SetVariable("FakeState", State);   // a script may switch the fake's version ($FakeState.Version = '7.0.0')
        p.SetVariable("Cred", new PSCredential(State.AdminUser, new NetworkCredential("", State.AdminPassword).SecurePassword));
        p.SetVariable("ClientCred", new PSCredential(State.ClientId, new NetworkCredential("", State.ClientSecret).SecurePassword));
        p.SetVariable("BadCred", new PSCredential(State.AdminUser, new NetworkCredential("", "Wrong-Password-123").SecurePassword));
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        ps.AddCommand("Import-Module").AddParameter("Name", ModuleManifest).AddParameter("ErrorAction", "Stop");
        ps.Invoke();
        if (EntityAreaTests.RequiredDefaults.Length > 0)
        {
            ps.Commands.Clear();
            ps.AddScript(EntityAreaTests.RequiredDefaults).Invoke();
        }
        if (ps.HadErrors) throw new InvalidOperationException("Import-Module failed: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
        return rs;
    }

    /// <summary>Connect-Mautic in the session: "Basic" (default), "ClientCredentials" or "RefreshToken".</summary>
    public PsResult Connect(string how = "Basic", Runspace? runspace = null, string extra = "")
    {
        var script = how switch
        {
            "Basic" => "Connect-Mautic $BaseUrl -Credential $Cred",
            "ClientCredentials" => "Connect-Mautic $BaseUrl -ClientCredential $ClientCred",
            "RefreshToken" => $"Connect-Mautic $BaseUrl -ClientCredential $ClientCred -RefreshToken ([System.Net.NetworkCredential]::new('', '{State.IssueRefreshToken()}').SecurePassword)",
            _ => throw new ArgumentException(how),
        };
        var r = Run(script + " " + extra, runspace: runspace);
        r.AssertClean();
        return r;
    }

    /// <summary>
    /// Runs a script and returns what it produced. The script runs inside try/catch so a terminating error comes back
    /// as <see cref="PsResult.Terminating"/> instead of an exception. A script still running after the timeout
    /// (default 60 s) is stopped and the test fails: nothing in this module may hang.
    /// </summary>
    public PsResult Run(string script, TimeSpan? timeout = null, Runspace? runspace = null)
    {
        runspace ??= Runspace;
        var before1 = State.Requests.Count;
        var before2 = _server2?.State.Requests.Count ?? 0;
        runspace.SessionStateProxy.SetVariable("__MauticTerminating", null);
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("try {\n" + script + "\n} catch { $global:__MauticTerminating = $_ }");
        var output = new PSDataCollection<PSObject>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var handle = ps.BeginInvoke<PSObject, PSObject>(null, output);
        if (!handle.AsyncWaitHandle.WaitOne(timeout ?? TimeSpan.FromSeconds(60)))
        {
            ps.Stop();
            throw new Xunit.Sdk.XunitException($"The script did not finish within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s (a hang): {script}");
        }
        ErrorRecord? terminating = null;
        try { ps.EndInvoke(handle); }
        catch (RuntimeException e) { terminating = e.ErrorRecord; }
        sw.Stop();
        var caught = runspace.SessionStateProxy.GetVariable("__MauticTerminating");
        terminating ??= (caught is PSObject pc ? pc.BaseObject : caught) as ErrorRecord;
        return new PsResult
        {
            Output = output.ToList(),
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Information = ps.Streams.Information.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Terminating = terminating,
            Requests = State.Requests.Skip(before1).ToList(),
            Requests2 = _server2?.State.Requests.Skip(before2).ToList() ?? new List<RecordedRequest>(),
            Elapsed = sw.Elapsed,
        };
    }

    /// <summary>Runs a script that must succeed without errors; returns its result.</summary>
    public PsResult Ok(string script)
    {
        var r = Run(script);
        r.AssertClean();
        return r;
    }

    /// <summary>Seeds contacts 1..n (a1@example.com ...) directly in the fake server.</summary>
    public IReadOnlyList<Contact> Seed(int n = 3, params string[] tags) =>
        Enumerable.Range(1, n).Select(i => State.AddContact($"a{i}@example.com", "First" + i, "Last" + i, tags)).ToList();

    public void Dispose()
    {
        foreach (var rs in _runspaces) rs.Dispose();
        Server.Dispose();
        _server2?.Dispose();
    }
}

/// <summary>Base of every test class: a fresh session (fake server and runspace) per test.</summary>
public abstract class PsTest : IDisposable
{
    protected readonly PsSession Ps = new();
    protected FakeState State => Ps.State;
    protected PsResult Run(string script, TimeSpan? timeout = null) => Ps.Run(script, timeout);
    protected PsResult Ok(string script) => Ps.Ok(script);
    public void Dispose() => Ps.Dispose();

    /// <summary>A script that tab-completes <paramref name="line"/> at its end through TabExpansion2, writing "completion text|list item" per match.</summary>
    protected static string Complete(string line) =>
        $"$s = \"{line}\"; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches | ForEach-Object {{ $_.CompletionText + '|' + $_.ListItemText }}";

    /// <summary>What tab completion offers at the end of <paramref name="line"/>, as "completion text|list item".</summary>
    protected string[] Completions(string line) => Ok(Complete(line)).Output.Select(o => o.ToString()).ToArray();
}

/// <summary>Marks a test as exercising a cmdlet's parameter set; CoverageTests fails when a set has none.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(string cmdlet, string parameterSet = "__AllParameterSets") : Attribute
{
    public string Cmdlet { get; } = cmdlet;
    public string ParameterSet { get; } = parameterSet;
}
