using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// New-MauticContact, Sync-MauticContact and New-MauticCompany -UniqueName when a batch is cut off after it was sent:
/// every row settled, none in doubt (companies by the unique identifier Mautic marks, companyname out of the box, or by name with -UniqueName).
/// </summary>
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

    [Fact]
    public void New_companies_with_UniqueName_are_read_back_by_name_after_a_cut_off_even_where_Mautic_marks_no_unique_field()
    {
        // A Mautic whose admin no longer marks companyname as a unique identifier.
        lock (State.Sync) State.Fields.Rows[37].Values["isUniqueIdentifier"] = false;
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/companies/batch/new", Kind = FaultKind.DropAfter });
        var saved = Run("1..3 | ForEach-Object { [pscustomobject]@{ companyname = \"Cut $_ Ltd\"; companycity = 'Leeds' } } | New-MauticCompany -UniqueName -ThrottleLimit 1 -Verbose");
        Assert.Empty(saved.Errors);
        Assert.Equal(new[] { "Cut 1 Ltd", "Cut 2 Ltd", "Cut 3 Ltd" }, saved.Output.Select(o => (string)o.Properties["companyname"].Value!));
        Assert.All(saved.Output, o => Assert.NotNull(o.Properties["id"].Value));
        Assert.Contains(saved.Verbose, v => v.Message.Contains("A company request was cut off after it was sent; read back once Mautic answered: 3 of its 3 row(s) were saved", StringComparison.Ordinal));
        Assert.Single(State.RequestsTo("/api/companies/batch/new"));

        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/companies/batch/new", Kind = FaultKind.Drop });
        var lost = Run("'Lost 1 Ltd', 'Lost 2 Ltd' | ForEach-Object { [pscustomobject]@{ companyname = $_ } } | New-MauticCompany -UniqueName");
        Assert.Equal(2, lost.Errors.Count);
        Assert.All(lost.Errors, e =>
        {
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.StartsWith("Mautic did not save this company:", e.Exception.Message);
            Assert.EndsWith("Sending it again is safe.", e.Exception.Message);
        });
        Assert.Contains("no company has companyname 'Lost 1 Ltd'", lost.Errors[0].Exception.Message);

        // Without -UniqueName the rows stay in doubt, saying why.
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/companies/batch/new", Kind = FaultKind.DropAfter });
        var doubt = Run("'Doubt 1 Ltd', 'Doubt 2 Ltd' | ForEach-Object { [pscustomobject]@{ companyname = $_ } } | New-MauticCompany");
        Assert.Equal(2, doubt.Errors.Count);
        Assert.All(doubt.Errors, e => Assert.Contains("Mautic may have", e.Exception.Message));
        Assert.All(doubt.Errors, e => Assert.Contains("This Mautic marks no company field as a unique identifier to look it up by, so whether Mautic saved it cannot be known: it stays in doubt.", e.Exception.Message));
    }

    [Fact]
    public void New_companies_are_read_back_by_the_unique_identifier_Mautic_marks_without_being_asked()
    {
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/companies/batch/new", Kind = FaultKind.DropAfter });
        var saved = Ok("'Auto 1 Ltd', 'Auto 2 Ltd' | ForEach-Object { [pscustomobject]@{ companyname = $_; companycity = 'York' } } | New-MauticCompany");
        Assert.Equal(new[] { "Auto 1 Ltd", "Auto 2 Ltd" }, saved.Output.Select(o => (string)o.Properties["companyname"].Value!));
        Assert.Single(State.RequestsTo("/api/companies/batch/new"));
    }
}
