using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Sync-Mautic*Member against the fake: add what is missing, -Exact removes the rest (asked as a delete is), every input accounted for.</summary>
public sealed class MemberSyncTests : PsTest
{
    public MemberSyncTests()
    {
        Ps.Seed(5);
        Ps.Connect();
    }

    static string[] Actions(PsResult r) => r.Output.Select(o => $"{o.Properties["Action"].Value} {o.Properties["ContactId"].Value}").ToArray();

    HashSet<long> SegmentMembers(long id) { lock (State.Sync) return State.Segments[id].Members.ToHashSet(); }

    [Fact]
    [Covers("Sync-MauticSegmentMember")]
    public void Ids_emails_and_contacts_are_added_in_one_request_a_second_run_writes_nothing_and_Exact_removes_the_others()
    {
        var first = Ok("$c = Get-MauticContact -Id 3; 1, 'A2@example.com', $c | Sync-MauticSegmentMember -Segment Customers");
        Assert.Equal(new[] { "Added 1", "Added 2", "Added 3" }, Actions(first));
        Assert.Equal("Mautic.MemberSyncResult", first.Output[0].TypeNames[0]);
        Assert.Equal("a2@example.com", first.Output[1].Properties["Email"].Value);
        Assert.Equal(("Segment", 2L), ((string)first.Output[0].Properties["Target"].Value!, (long)first.Output[0].Properties["TargetId"].Value!));
        Assert.Equal(new[] { "/api/segments/2/contacts/add" }, first.Mutating.Select(q => q.Path));
        Assert.Equal(new long[] { 1, 2, 3 }, SegmentMembers(2).Order());

        var again = Ok("1, 'a2@example.com', 3 | Sync-MauticSegmentMember -Segment 2 -Exact -Force -Verbose");
        Assert.Equal(new[] { "Unchanged 1", "Unchanged 2", "Unchanged 3" }, Actions(again));
        Assert.Empty(again.Mutating);
        Assert.Contains(again.Verbose, v => v.Message.StartsWith("Sync-MauticSegmentMember: 0 added, 0 removed, 3 unchanged, 0 failed (segment 2);", StringComparison.Ordinal));

        var exact = Ok("2, 4 | Sync-MauticSegmentMember 2 -Exact -Confirm:$false");
        Assert.Equal(new[] { "Unchanged 2", "Added 4", "Removed 1", "Removed 3" }, Actions(exact));
        Assert.Equal(new long[] { 2, 4 }, SegmentMembers(2).Order());
        Assert.Contains(exact.Mutating, q => q.Path == "/api/segments/2/contact/1/remove");
        Assert.Contains(exact.Information, i => i.Tags.Contains("Mautic.SyncSummary"));
    }

    [Fact]
    public void Exact_asks_first_and_a_host_that_cannot_ask_stops_before_anything_while_adding_alone_needs_no_answer()
    {
        Ok("1, 2 | Sync-MauticSegmentMember 2");
        var refused = Run("3 | Sync-MauticSegmentMember 2 -Exact");
        Assert.Equal("MauticConfirmationNotPossible,Mautic.PowerShell.Cmdlets.Segments.SyncMauticSegmentMember", refused.Terminating!.FullyQualifiedErrorId);
        Assert.Contains("-Force", refused.Terminating.Exception.Message);
        Assert.Empty(refused.Mutating);
        Assert.Equal(new long[] { 1, 2 }, SegmentMembers(2).Order());
        // $ConfirmPreference = 'None' is a session that never asks: -Exact goes ahead like -Force.
        var none = Ok("$ConfirmPreference = 'None'; 3 | Sync-MauticSegmentMember 2 -Exact");
        Assert.Equal(new[] { "Added 3", "Removed 1", "Removed 2" }, Actions(none));
    }

    [Fact]
    public void WhatIf_lists_the_additions_and_the_removals_and_sends_nothing()
    {
        Ok("1, 2 | Sync-MauticSegmentMember 2");
        var r = Run("2, 3 | Sync-MauticSegmentMember 2 -Exact -WhatIf -Verbose");
        Assert.Empty(r.Mutating);
        Assert.Equal(new[] { "Unchanged 2" }, Actions(r));
        Assert.Equal(new long[] { 1, 2 }, SegmentMembers(2).Order());
        Assert.Contains(r.Verbose, v => v.Message.Contains("0 added, 0 removed, 1 unchanged, 0 failed (segment 2); -WhatIf: 1 to add, 1 to remove;", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_inputs_are_errors_carrying_them_an_unknown_email_does_not_stop_removals_and_a_bad_input_does()
    {
        Ok("1, 2, 3 | Sync-MauticSegmentMember 2");
        var r = Run("4, 'nobody@example.com', 'no-at-sign', 0, (Get-MauticSegment -Id 1), [pscustomobject]@{ mail = 'a5@example.com' } | Sync-MauticSegmentMember 2");
        Assert.Equal(new[] { "Added 4", "Added 5" }, Actions(r));
        Assert.Equal(4, r.Errors.Count);
        Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound && Equals(PsResult.Unwrap(e.TargetObject), "nobody@example.com"));
        Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && Equals(PsResult.Unwrap(e.TargetObject), "no-at-sign") && e.Exception.Message.Contains("'no-at-sign' is neither"));
        Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && Equals(PsResult.Unwrap(e.TargetObject), 0) && e.Exception.Message.Contains("0 is not a contact id"));
        Assert.Contains(r.Errors, e => e.Exception.Message.Contains("a Mautic.Segment was given"));

        // An e-mail no contact has cannot be a member: the removals go on.
        var unknown = Run("1, 'ghost@example.com' | Sync-MauticSegmentMember 2 -Exact -Force");
        Assert.Equal(new[] { "Unchanged 1", "Removed 2", "Removed 3", "Removed 4", "Removed 5" }, Actions(unknown));
        unknown.SingleError(ErrorCategory.ObjectNotFound, "ghost@example.com");

        // An input that could not be read at all might have meant a member: nobody is removed, and the error says so.
        Ok("2, 3 | Sync-MauticSegmentMember 2");
        var blocked = Run("1, 'garbage' | Sync-MauticSegmentMember 2 -Exact -Force");
        Assert.Equal(new[] { "Unchanged 1" }, Actions(blocked));
        Assert.Empty(blocked.Mutating);
        var skipped = Assert.Single(blocked.Errors, e => e.FullyQualifiedErrorId.StartsWith("MauticExactRemovalSkipped", StringComparison.Ordinal));
        Assert.Equal(ErrorCategory.InvalidOperation, skipped.CategoryInfo.Category);
        Assert.Contains("the 2 contact(s) in segment 2 that are not in the list were NOT removed", skipped.Exception.Message);
        Assert.Equal(new long[] { 1, 2, 3 }, SegmentMembers(2).Order());
    }

    [Fact]
    public void Two_contacts_sharing_an_email_are_an_error_naming_both_and_neither_is_removed()
    {
        long twin;
        lock (State.Sync) twin = State.AddContact("a1@example.com", "Twin").Id;
        Ok($"1, {twin}, 2 | Sync-MauticSegmentMember 2");
        var r = Run("'a1@example.com', 2 | Sync-MauticSegmentMember 2 -Exact -Force");
        var e = r.SingleError(ErrorCategory.InvalidArgument, "a1@example.com");
        Assert.Contains($"2 contacts have the e-mail 'a1@example.com' (ids 1, {twin})", e.Exception.Message);
        Assert.Equal(new[] { "Unchanged 2" }, Actions(r));
        Assert.Equal(new[] { 1, twin, 2 }.Order(), SegmentMembers(2).Order());
    }

    [Fact]
    public void An_empty_list_with_Exact_empties_the_segment_and_a_missing_segment_stops_before_anything()
    {
        Ok("1, 2 | Sync-MauticSegmentMember 2");
        var r = Ok("Sync-MauticSegmentMember 2 -Contact @() -Exact -Force");
        Assert.Equal(new[] { "Removed 1", "Removed 2" }, Actions(r));
        Assert.Empty(SegmentMembers(2));
        var missing = Run("1 | Sync-MauticSegmentMember 999");
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.Terminating!.CategoryInfo.Category);
        Assert.Empty(missing.Mutating);
    }

    [Fact]
    [Covers("Sync-MauticTagMember")]
    public void Tags_are_added_and_removed_by_batch_edits_that_keep_the_other_tags()
    {
        Ok("New-MauticTag -Name vip; New-MauticTag -Name other");
        lock (State.Sync) State.Contacts[1].Tags.Add("other");
        var r = Ok("1, 2 | Sync-MauticTagMember vip");
        Assert.Equal(new[] { "Added 1", "Added 2" }, Actions(r));
        var patch = Assert.Single(r.Mutating);
        Assert.Equal(("PATCH", "/api/contacts/batch/edit"), (patch.Method, patch.Path));
        Assert.Contains("\"tags\":[\"vip\"]", patch.Body);
        var exact = Ok("2, 3 | Sync-MauticTagMember -Tag vip -Exact -Force");
        Assert.Equal(new[] { "Unchanged 2", "Added 3", "Removed 1" }, Actions(exact));
        lock (State.Sync)
        {
            Assert.Equal(new[] { "other" }, State.Contacts[1].Tags);
            Assert.Contains("vip", State.Contacts[3].Tags);
        }
        Assert.Equal(new long[] { 2, 3 }, Ok("Get-MauticTagMember vip").Output.Select(o => (long)o.Properties["id"].Value!));
    }

    [Fact]
    [Covers("Sync-MauticCompanyMember")]
    public void A_companys_contacts_are_read_through_its_links_and_changed_one_request_each()
    {
        var company = State.AddCompany("Acme sync").Id;
        var r = Ok($"1, 2 | Sync-MauticCompanyMember {company}; 2, 3 | Sync-MauticCompanyMember -CompanyName 'Acme sync' -Exact -Force");
        Assert.Equal(new[] { "Added 1", "Added 2", "Unchanged 2", "Added 3", "Removed 1" }, Actions(r));
        lock (State.Sync)
        {
            Assert.Empty(State.Contacts[1].Companies);
            Assert.Contains(State.Contacts[3].Companies, l => l.CompanyId == company);
        }
    }

    [Fact]
    [Covers("Sync-MauticCampaignMember")]
    public void A_campaigns_contacts_are_read_from_its_contact_list_and_changed_one_request_each()
    {
        Ok("$c = New-MauticCampaign -Name 'sync camp'");
        var r = Ok("1, 2 | Sync-MauticCampaignMember $c; 2, 3 | Sync-MauticCampaignMember $c.id -Exact -Force");
        Assert.Equal(new[] { "Added 1", "Added 2", "Unchanged 2", "Added 3", "Removed 1" }, Actions(r));
        Assert.Equal(new object[] { 2L, 3L }, Ok("(Get-MauticCampaignMember $c.id).ContactId").Output.Select(o => PsResult.Unwrap(o)).ToArray());
        Assert.Contains(r.Mutating, q => q.Path.EndsWith("/contact/1/remove", StringComparison.Ordinal));
    }
}
