using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// -ThrottleLimit on every bulk write cmdlet (batch routes and per-contact routes alike), Write-Progress on a run of
/// several requests, and what -Verbose says about batch size, concurrency, retries and the cost of HTTP Basic.
/// </summary>
public sealed class ThrottleTests : PsTest
{
    public ThrottleTests() => Ps.Connect();

    const string Rows = "$rows = 1..450 | ForEach-Object { [pscustomobject]@{ email = \"t$_@example.com\" } }\n";

    [Fact]
    public void Every_bulk_write_cmdlet_takes_ThrottleLimit()
    {
        var r = Ok("""
            $bulk = [Mautic.PowerShell.Base.MauticBulkCmdlet]
            $member = [Mautic.PowerShell.Base.SyncMemberCmdlet]   # Sync-Mautic*Member: one request per contact where Mautic has no batch route
            $all = Get-Command -Module Mautic -CommandType Cmdlet
            [pscustomobject]@{
                Bulk = @($all | Where-Object { $bulk.IsAssignableFrom($_.ImplementingType) -or $member.IsAssignableFrom($_.ImplementingType) } | ForEach-Object Name)
                Throttled = @($all | Where-Object { $_.Parameters.ContainsKey('ThrottleLimit') } | ForEach-Object Name)
            }
            """);
        string[] Names(string p) => PsResult.Items(r.Output.Single().Properties[p].Value).Select(o => o.ToString()!).OrderBy(n => n).ToArray();
        var bulk = Names("Bulk");
        Assert.Equal(bulk, Names("Throttled"));
        foreach (var name in new[] { "New-MauticContact", "Set-MauticContact", "Remove-MauticContact", "New-MauticTag", "Set-MauticCompany", "Remove-MauticSegment",
                     "Add-MauticSegmentMember", "Remove-MauticSegmentMember", "Add-MauticCompanyMember", "Set-MauticContactStage", "Send-MauticSms" })
            Assert.Contains(name, bulk);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("17")]
    public void A_throttle_outside_1_to_16_is_a_clear_error_before_any_request(string value)
    {
        var r = Run($"New-MauticContact -Email a@example.com -ThrottleLimit {value}");
        var e = r.AllErrors.Single();
        Assert.IsAssignableFrom<ParameterBindingException>(e.Exception);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("ThrottleLimit", e.ToString());
        Assert.Contains(value, e.ToString());
        Assert.Empty(r.Api);
    }

    [Fact]
    public void Batches_go_ThrottleLimit_at_once_and_results_come_out_in_input_order()
    {
        State.LatencyMs = 100;
        var r = Ok(Rows + "$rows | New-MauticContact -ThrottleLimit 2");
        Assert.Equal(Enumerable.Range(1, 450).Select(i => $"t{i}@example.com"), r.Output.Select(o => (string)o.Properties["email"].Value));
        Assert.Equal(3, r.Requests.Count(q => q.Path == "/api/contacts/batch/new"));
        Assert.Equal(2, State.MaxInFlight);
    }

    [Fact]
    public void Per_contact_routes_go_ThrottleLimit_at_once_through_the_same_writer()
    {
        Ps.Seed(10);
        var company = State.AddCompany("Acme").Id;
        State.LatencyMs = 50;
        State.ResetConcurrency();
        var r = Ok($"1..10 | Add-MauticCompanyMember -CompanyId {company} -ThrottleLimit 3 -PassThru");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), r.Output.Select(o => Convert.ToInt64(o.Properties["ContactId"].Value)));
        Assert.Equal(3, State.MaxInFlight);
    }

    [Fact]
    public void A_run_of_several_requests_shows_progress_and_completes_it()
    {
        var r = Ok(Rows + "$rows | New-MauticContact -ThrottleLimit 2 | Out-Null");
        Assert.NotEmpty(r.Progress);
        Assert.All(r.Progress, p => Assert.Equal("New-MauticContact", p.Activity));
        var last = r.Progress[^1];
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
        var counted = r.Progress.Where(p => p.RecordType == ProgressRecordType.Processing && p.PercentComplete >= 0).ToList();
        Assert.Contains(counted, p => p.StatusDescription.StartsWith("450 of 450 items done", StringComparison.Ordinal) && p.PercentComplete == 100);
        Assert.All(r.Progress.Where(p => p.RecordType == ProgressRecordType.Processing), p => Assert.Contains("request(s) answered, up to 2 at once", p.StatusDescription));
    }

    [Fact]
    public void No_progress_for_one_request_or_when_ProgressPreference_is_SilentlyContinue()
    {
        Assert.Empty(Ok("1..3 | ForEach-Object { [pscustomobject]@{ email = \"p$_@example.com\" } } | New-MauticContact | Out-Null").Progress);
        Assert.Empty(Ok("$ProgressPreference = 'SilentlyContinue'\n" + Rows + "$rows | New-MauticContact | Out-Null").Progress);
    }

    [Fact]
    public void Verbose_states_batch_size_concurrency_retries_and_once_the_cost_of_Basic()
    {
        var r = Ok(Rows + "$rows | New-MauticContact -ThrottleLimit 2 -Verbose | Out-Null");
        var lines = r.Verbose.Select(v => v.Message).ToList();
        var how = Assert.Single(lines, l => l.StartsWith("New-MauticContact: up to 200 items per request", StringComparison.Ordinal));
        Assert.Contains("up to 2 request(s) at once", how);
        Assert.Contains("retried up to 4 time(s)", how);
        Assert.Single(lines, l => l.Contains("HTTP Basic") && l.Contains("0.45 s"));
        Assert.Single(lines, l => l.StartsWith("New-MauticContact: 450 item(s) in 3 request(s)", StringComparison.Ordinal));

        Ps.Seed(1);
        var company = State.AddCompany("Acme").Id;
        var one = Ok($"1 | Add-MauticCompanyMember -CompanyId {company} -ThrottleLimit 5 -Verbose").Verbose.Select(v => v.Message).ToList();
        Assert.Single(one, l => l.StartsWith("Add-MauticCompanyMember: one request per item", StringComparison.Ordinal) && l.Contains("up to 5 request(s) at once"));
    }

    [Fact]
    public void Verbose_under_OAuth2_does_not_name_the_Basic_cost()
    {
        Ps.Connect("ClientCredentials");
        var r = Ok(Rows + "$rows | New-MauticContact -Verbose | Out-Null");
        Assert.DoesNotContain(r.Verbose, v => v.Message.Contains("HTTP Basic"));
        // The default as a cmdlet has it (Mautic.Client's own types are out of PowerShell's type lookup: its load context).
        var byDefault = Ok("[Mautic.PowerShell.Cmdlets.Contacts.NewMauticContact]::new().ThrottleLimit").Output.Single().BaseObject;
        Assert.Single(r.Verbose, v => v.Message.Contains($"up to {byDefault} request(s) at once"));
    }
}
