using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Sync-MauticContact against the fake: match, diff, write only what differs, one result or error per row.</summary>
public sealed class SyncTests : PsTest
{
    static List<RecordedRequest> Writes(PsResult r) => r.Mutating.Where(q => q.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    const string Rows = """
        $rows = 1..250 | ForEach-Object { [pscustomobject]@{ Email = "s$_@sync.example"; FirstName = "First$_"; City = 'Paris'; Points = 5 } }
        """;

    [Fact]
    [Covers("Sync-MauticContact")]
    public void A_first_run_creates_in_batches_and_a_second_run_with_the_same_rows_is_all_Unchanged_and_writes_nothing()
    {
        Ps.Connect();
        var first = Ok(Rows + "; $rows | Sync-MauticContact");
        Assert.Equal(250, first.Output.Count);
        Assert.All(first.Output, o => Assert.Equal("Created", o.Properties["Action"].Value));
        Assert.Equal("Mautic.SyncResult", first.Output[0].TypeNames[0]);
        Assert.Equal(2, Writes(first).Count(q => q.Path == "/api/contacts/batch/new"));
        Assert.Equal(2, Writes(first).Count);

        var second = Ok(Rows + "; $rows | Sync-MauticContact -Verbose");
        Assert.Equal(250, second.Output.Count);
        Assert.All(second.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value));
        Assert.Empty(Writes(second));
        // reads: the field list, then one where-in lookup per 100 e-mails
        Assert.True(second.Requests.Count(q => q.Path == "/api/contacts") <= 3, string.Join("\n", second.Requests.Select(q => q.Path)));
        Assert.Contains(second.Verbose, v => v.Message.StartsWith("Sync-MauticContact: 0 created, 0 updated, 250 unchanged, 0 failed;", StringComparison.Ordinal));

        var third = Ok(Rows + "; 0..2 | ForEach-Object { $rows[$_].City = 'Lyon' }; $rows | Sync-MauticContact");
        Assert.Equal(3, third.Output.Count(o => (string)o.Properties["Action"].Value == "Updated"));
        var patch = Assert.Single(Writes(third));
        Assert.Equal(("PATCH", "/api/contacts/batch/edit"), (patch.Method, patch.Path));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(patch.Body, "\"id\":").Count);

        // Changes spread over rounds (rows 1-3 back to Paris, 1, 101 and 201 to Nice: both rounds of 200) are written
        // together in one request, and the results still come out in input order.
        var spread = Ok(Rows + "; 0, 100, 200 | ForEach-Object { $rows[$_].City = 'Nice' }; $rows | Sync-MauticContact");
        Assert.Equal(new[] { 0, 1, 2, 100, 200 }, spread.Output.Select((o, i) => (o, i)).Where(x => (string)x.o.Properties["Action"].Value == "Updated").Select(x => x.i));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => $"s{i}@sync.example"), spread.Output.Select(o => (string)((PSObject)o.Properties["InputObject"].Value).Properties["Email"].Value));
        patch = Assert.Single(Writes(spread));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(patch.Body, "\"id\":").Count);
    }

    [Fact]
    public void A_changed_field_is_patched_with_the_id_and_reported_old_to_new_and_WhatIf_writes_nothing()
    {
        Ps.Connect();
        Ok(Rows + "; $rows | Sync-MauticContact");
        var preview = Run(Rows + "; $rows[3].City = 'Lyon'; $rows | Sync-MauticContact -WhatIf");
        Assert.Empty(Writes(preview));
        var changed = Ok(Rows + "; $rows[3].City = 'Lyon'; $rows[4].Points = '5.0'; $rows | Sync-MauticContact");
        var updated = changed.Output.Where(o => (string)o.Properties["Action"].Value == "Updated").ToList();
        var one = Assert.Single(updated);
        Assert.Equal("email", one.Properties["MatchedOn"].Value);
        Assert.Equal(new[] { "city: Paris → Lyon" }, PsResult.Items(one.Properties["Changed"].Value).Select(x => x.ToString()));
        var patch = Assert.Single(Writes(changed));
        Assert.Equal("PATCH", patch.Method);
        // one change: the single edit route, by id (more go as a batch PATCH with ids)
        Assert.Equal($"/api/contacts/{one.Properties["Id"].Value}/edit", patch.Path);
        Assert.Contains("\"city\":\"Lyon\"", patch.Body);
    }

    [Fact]
    public void Rows_without_a_key_and_two_rows_for_one_key_are_errors_carrying_the_row_and_the_rest_still_sync()
    {
        Ps.Connect();
        var r = Run("""
            [pscustomobject]@{ Email = 'dup@sync.example'; City = 'A' },
            [pscustomobject]@{ FirstName = 'NoKey' },
            [pscustomobject]@{ Email = 'DUP@sync.example'; City = 'B' },
            [pscustomobject]@{ Email = 'ok@sync.example' } | Sync-MauticContact
            """);
        Assert.Equal(2, r.Output.Count);
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[0].CategoryInfo.Category);
        Assert.Contains("no value for email", r.Errors[0].Exception.Message);
        Assert.Equal("NoKey", ((PSObject)r.Errors[0].TargetObject).Properties["FirstName"].Value);
        Assert.Contains("Rows 1 and 3 both have email 'DUP@sync.example'", r.Errors[1].Exception.Message);
    }

    [Fact]
    public void FieldMap_renames_source_columns_and_a_script_block_builds_each_row()
    {
        Ps.Connect();
        var mapped = Ok("[pscustomobject]@{ mail = 'ad1@sync.example'; givenName = 'Ada'; Department = 'x' } | Sync-MauticContact -FieldMap @{ mail = 'email'; givenName = 'firstname' }");
        Assert.Equal("Created", mapped.Output.Single().Properties["Action"].Value);
        Assert.Contains("\"firstname\":\"Ada\"", Writes(mapped).Single().Body);
        Assert.DoesNotContain("Department", Writes(mapped).Single().Body);
        var scripted = Ok("[pscustomobject]@{ mail = 'ad1@sync.example'; sn = 'Lovelace' } | Sync-MauticContact -FieldMap { @{ email = $_.mail; lastname = $_.sn } }");
        Assert.Equal(new[] { "lastname: (empty) → Lovelace" }, PsResult.Items(scripted.Output.Single().Properties["Changed"].Value).Select(x => x.ToString()));
    }

    [Fact]
    public void An_empty_value_leaves_the_field_alone_unless_ClearEmpty()
    {
        Ps.Connect();
        Ok("[pscustomobject]@{ email = 'blank@sync.example'; city = 'Paris' } | Sync-MauticContact");
        var kept = Ok("[pscustomobject]@{ email = 'blank@sync.example'; city = '' } | Sync-MauticContact");
        Assert.Equal("Unchanged", kept.Output.Single().Properties["Action"].Value);
        var cleared = Ok("[pscustomobject]@{ email = 'blank@sync.example'; city = '' } | Sync-MauticContact -ClearEmpty");
        Assert.Equal("Updated", cleared.Output.Single().Properties["Action"].Value);
        Assert.Contains("\"overwriteWithBlank\":true", Writes(cleared).Single().Body);
        Assert.Null(Ok("Get-MauticContact -Email blank@sync.example").Output.Single().Properties["city"].Value);
    }

    [Fact]
    public void Unknown_columns_are_named_once_in_a_warning_and_an_unknown_MatchOn_stops_before_any_write()
    {
        Ps.Connect();
        var r = Ok("1..3 | ForEach-Object { [pscustomobject]@{ email = \"w$_@sync.example\"; Notes = 'x' } } | Sync-MauticContact");
        Assert.Single(r.Warnings, w => w.Message.Contains("'Notes'"));
        var bad = Run("[pscustomobject]@{ email = 'x@sync.example' } | Sync-MauticContact -MatchOn employee_id");
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Terminating!.CategoryInfo.Category);
        Assert.Contains("'employee_id'", bad.Terminating.Exception.Message);
        Assert.Empty(Writes(bad));
    }
}
