using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>New-MauticContact and Sync-MauticContact when a batch is cut off after it was sent: every row settled, none in doubt.</summary>
public sealed class InDoubtCmdletTests : PsTest
{
    public InDoubtCmdletTests() => Ps.Connect();

    [Fact]
    public void New_contacts_whose_batch_was_saved_but_cut_off_come_out_as_created_and_the_lost_ones_as_safe_to_send_again()
    {
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        var saved = Run("1..250 | ForEach-Object { \"cut$_@x.example\" } | New-MauticContact -ThrottleLimit 1 -Verbose");
        Assert.Empty(saved.Errors);
        Assert.Equal(250, saved.Output.Count);
        Assert.Contains(saved.Verbose, v => v.Message.Contains("200 of its 200 row(s) were saved", StringComparison.Ordinal));
        lock (State.Sync) Assert.Equal(250, State.Contacts.Count);

        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Drop });
        var lost = Run("'l1@x.example', 'l2@x.example' | New-MauticContact");
        Assert.Equal(2, lost.Errors.Count);
        Assert.All(lost.Errors, e =>
        {
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.EndsWith("Sending it again is safe.", e.Exception.Message);
        });
        Assert.Equal("l1@x.example", PsResult.Unwrap(lost.Errors[0].TargetObject));
    }

    [Fact]
    public void A_sync_whose_create_batch_was_cut_off_reports_each_row_as_created()
    {
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        var r = Ok("1..3 | ForEach-Object { [pscustomobject]@{ email = \"s$_@x.example\"; city = 'Paris' } } | Sync-MauticContact");
        Assert.Equal(new[] { "Created", "Created", "Created" }, r.Output.Select(o => (string)o.Properties["Action"].Value!));
        Assert.All(r.Output, o => Assert.NotNull(o.Properties["Id"].Value));
        var again = Ok("1..3 | ForEach-Object { [pscustomobject]@{ email = \"s$_@x.example\"; city = 'Paris' } } | Sync-MauticContact");
        Assert.All(again.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value));
    }
}
