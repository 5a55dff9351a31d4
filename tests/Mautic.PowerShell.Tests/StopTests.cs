using System.Diagnostics;
using Mautic.FakeServer;
using PowerShellApi = System.Management.Automation.PowerShell;

namespace MauticPS.InProcess;

/// <summary>Ctrl+C (PowerShell.Stop) during a slow request returns at once and leaves the connection usable.</summary>
public sealed class StopTests : PsTest
{
    [Theory]
    [InlineData("Get-MauticContact")]
    [InlineData("'a@example.com' | New-MauticContact")]
    [InlineData("Send-MauticEmail -EmailId 1 -Segment")]
    [InlineData("Invoke-MauticRequest segments")]
    public void Stop_during_a_30_second_request_returns_within_a_second(string script)
    {
        Ps.Connect();
        State.Arm(new Fault { Kind = FaultKind.Delay, DelayMs = 30_000, Count = 1 });
        using var ps = PowerShellApi.Create();
        ps.Runspace = Ps.Runspace;
        ps.AddScript(script);
        var before = State.Requests.Count;
        var handle = ps.BeginInvoke();
        Assert.True(SpinWait.SpinUntil(() => State.Requests.Count > before, TimeSpan.FromSeconds(10)), "the request reached the server");
        Thread.Sleep(200);
        var sw = Stopwatch.StartNew();
        ps.Stop();
        sw.Stop();
        Assert.True(handle.IsCompleted);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {sw.Elapsed.TotalMilliseconds:0} ms");

        // The same session's connection still works.
        var r = Ok("Get-MauticSegment -Id 1");
        Assert.Equal("Newsletter", r.Output.Single().Properties["name"].Value);
    }
}
