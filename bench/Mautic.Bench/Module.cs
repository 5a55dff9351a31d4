using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;

namespace Mautic.Bench;

/// <summary>The module's real cmdlets, imported from out/Mautic/ into a runspace of this process and connected once.</summary>
public sealed class Module : IDisposable
{
    readonly Runspace _rs;

    public Module(string manifest, Target t, Auth auth)
    {
        _rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _rs.Open();
        Invoke(p => p.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop"));
        var cred = auth == Auth.Basic
            ? new PSCredential(t.User, new NetworkCredential("", t.Password).SecurePassword)
            : new PSCredential(t.ClientId!, new NetworkCredential("", t.ClientSecret!).SecurePassword);
        Invoke(p => p.AddCommand("Connect-Mautic").AddParameter("Url", t.Url).AddParameter(auth == Auth.Basic ? "Credential" : "ClientCredential", cred));
    }

    /// <summary>A command's run: what it wrote, its errors and how long it took.</summary>
    public sealed record Run(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, double Seconds, double CpuSeconds)
    {
        /// <summary>The verbose messages (with -Verbose: one line per HTTP call, "GET url -> 200 in ...").</summary>
        public IReadOnlyList<string> Verbose { get; init; } = [];
    }

    /// <summary>Runs the pipeline <paramref name="build"/> makes, with <paramref name="input"/> piped in; throws on a terminating error.</summary>
    public Run Invoke(Func<PowerShell, PowerShell> build, IEnumerable? input = null, Action<PSObject>? each = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _rs;
        build(ps);
        var output = new PSDataCollection<PSObject>();
        var kept = new List<PSObject>();
        output.DataAdded += (_, e) =>
        {
            // Taken out as it arrives (the collection holds nothing): a large listing is counted, not kept, when each is given.
            foreach (var o in output.ReadAll())
            {
                if (each != null) each(o);
                else kept.Add(o);
            }
        };
        var me = System.Diagnostics.Process.GetCurrentProcess();
        var cpu0 = me.TotalProcessorTime;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        PSDataCollection<object>? piped = null;
        if (input != null)
        {
            piped = new PSDataCollection<object>();
            foreach (var x in input) piped.Add(x);
            piped.Complete();
        }
        ps.Invoke(piped, output, null);
        sw.Stop();
        me.Refresh();
        var cpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
        foreach (var o in output.ReadAll()) { if (each != null) each(o); else kept.Add(o); }
        return new Run(kept, ps.Streams.Error.ToList(), sw.Elapsed.TotalSeconds, cpu) { Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList() };
    }

    /// <summary>A value of a record the module wrote (its id, ...), by property name.</summary>
    public static object? Prop(PSObject o, string name) => o.Properties[name]?.Value is PSObject p ? p.BaseObject : o.Properties[name]?.Value;

    public void Dispose() => _rs.Dispose();
}
