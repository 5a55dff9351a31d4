using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// -ErrorAction Stop and -ErrorVariable in bulk work: whatever a bulk cmdlet accepted before a terminating error is
/// still sent (or comes back as an error), in every bulk cmdlet; -ErrorVariable holds exactly the failed inputs.
/// </summary>
public sealed class BulkStopTests : PsTest
{
    public BulkStopTests()
    {
        Ps.Seed(3);
        lock (State.Sync) State.Segments[1].Members.Add(1);
        Ps.Connect();
    }

    [Fact]
    public void New_contact_the_row_before_an_invalid_one_is_still_created()
    {
        var r = Run("$rows = [pscustomobject]@{ Email = 'first@example.com' }, [pscustomobject]@{ Email = 'not-an-address' }, [pscustomobject]@{ Email = 'third@example.com' }\n" +
                    "$rows | New-MauticContact -ErrorAction Stop");
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Equal("not-an-address", ((PSObject)r.Terminating.TargetObject).Properties["Email"].Value);
        Assert.Contains(State.Contacts.Values, c => c.Fields["email"] == "first@example.com");
        Assert.DoesNotContain(State.Contacts.Values, c => c.Fields["email"] == "third@example.com");
        Assert.Equal("first@example.com", Assert.Single(r.Output).Properties["email"].Value);
    }

    [Fact]
    public void Set_contact_the_change_before_an_empty_one_is_still_sent()
    {
        var r = Run("[pscustomobject]@{ Id = 1; city = 'Oslo' }, [pscustomobject]@{ Id = 2 }, [pscustomobject]@{ Id = 3; city = 'Rome' } | Set-MauticContact -ErrorAction Stop");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Equal("Oslo", State.Contacts[1].Fields["city"]);
        Assert.False(State.Contacts[3].Fields.ContainsKey("city"));
    }

    [Fact]
    public void Remove_contact_the_id_before_one_that_fails_binding_is_still_deleted()
    {
        // The second row's id fails parameter binding (ValidateRange) in the engine, outside the cmdlet's own code.
        var r = Run("[pscustomobject]@{ Id = 1 }, [pscustomobject]@{ Id = 0 }, [pscustomobject]@{ Id = 3 } | Remove-MauticContact -Force -ErrorAction Stop");
        Assert.NotNull(r.Terminating);
        Assert.False(State.Contacts.ContainsKey(1), "the accepted id was deleted");
        Assert.True(State.Contacts.ContainsKey(3), "the id after the failure was never accepted");
    }

    [Fact]
    public void Add_segment_member_a_downstream_failure_still_sends_what_was_accepted()
    {
        var r = Run("1, 2 | Add-MauticSegmentMember -SegmentId 2 -PassThru | ForEach-Object { throw 'downstream broke' }");
        Assert.NotNull(r.Terminating);
        Assert.Contains("downstream broke", r.Terminating!.Exception.Message);
        Assert.Equal(new long[] { 1, 2 }, State.Segments[2].Members.Order());
    }

    [Fact]
    public void Add_segment_member_the_contact_before_a_refused_input_is_still_added()
    {
        // The segment object is refused by the cmdlet itself (it is no contact) while contact 1 waits in the batch.
        var r = Run("$c1 = Get-MauticContact -Id 1; $c1, (Get-MauticSegment -Id 2), 3 | Add-MauticSegmentMember -SegmentId 2 -ErrorAction Stop");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Equal(new long[] { 1 }, State.Segments[2].Members.Order());
    }

    [Fact]
    public void Remove_contact_what_was_accepted_before_an_upstream_failure_is_still_sent()
    {
        // The pipeline ends in the upstream script block; the cmdlet only learns of it when it is disposed.
        var r = Run("& { 1; 2; throw 'upstream broke' } | Remove-MauticContact -Force");
        Assert.Contains("upstream broke", r.Terminating!.Exception.Message);
        Assert.Equal(new[] { 3L }, State.Contacts.Keys);
    }

    [Fact]
    public void Remove_segment_member_stops_on_the_first_failure_after_sending_the_accepted_ones()
    {
        var r = Run("Remove-MauticSegmentMember -SegmentId 1 -ContactId 1, 424242 -ErrorAction Stop");
        Assert.NotNull(r.Terminating);
        Assert.Equal(424242L, r.Terminating!.TargetObject);
        Assert.Empty(State.Segments[1].Members);
    }

    [Fact]
    public void ErrorVariable_collects_exactly_the_failed_inputs()
    {
        var r = Run("$rows = 'ok1@example.com', 'bad one', 'ok2@example.com', 'also bad'\n" +
                    "$null = $rows | New-MauticContact -ErrorVariable failed -ErrorAction SilentlyContinue\n" +
                    "$failed | ForEach-Object { $_.TargetObject }");
        Assert.Equal(new object[] { "bad one", "also bad" }, r.Output.Select(o => o.BaseObject));
        Assert.Equal(2, State.Contacts.Values.Count(c => c.Fields["email"]!.StartsWith("ok")));
    }

    [Fact]
    public void ErrorAction_Stop_on_a_batch_answer_terminates_on_the_first_failed_item()
    {
        var r = Run("[pscustomobject]@{ email = 'a@example.com'; score = 'not-a-number' }, [pscustomobject]@{ email = 'b@example.com' } | New-MauticContact -ErrorAction Stop");
        Assert.Equal(ErrorCategory.InvalidData, r.Terminating!.CategoryInfo.Category);
        Assert.Contains(State.Contacts.Values, c => c.Fields["email"] == "b@example.com");
    }
}
