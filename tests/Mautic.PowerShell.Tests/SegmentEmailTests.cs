using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>Get-MauticSegment, Add-/Remove-MauticSegmentMember, Send-MauticEmail and Invoke-MauticRequest, run for real.</summary>
public sealed class SegmentEmailTests : PsTest
{
    public SegmentEmailTests() => Ps.Connect();

    [Fact]
    [Covers("Get-MauticSegment", "List")]
    public void Lists_segments_with_search_and_paging()
    {
        var all = Ok("Get-MauticSegment");
        Assert.Equal(new[] { "Newsletter", "Customers", "Webinar 2026" }, all.Output.Select(o => (string)o.Properties["name"].Value));
        Assert.All(all.Output, o => Assert.Equal("Mautic.Segment", o.TypeNames[0]));
        Assert.Equal("Customers", Assert.Single(Ok("Get-MauticSegment custom").Output).Properties["name"].Value);
        var page = Ok("Get-MauticSegment -Skip 1 -First 1 -IncludeTotalCount");
        Assert.Equal(3UL, Convert.ToUInt64(page.Output[0].BaseObject));
        Assert.Equal("Customers", page.Output[1].Properties["name"].Value);
    }

    [Theory]
    [InlineData("Get-MauticSegment -Id 2, 999")]
    [InlineData("Get-MauticSegment -SegmentId 2, 999")]
    [InlineData("[pscustomobject]@{ SegmentId = 2 }, [pscustomobject]@{ SegmentId = 999 } | Get-MauticSegment")]
    [Covers("Get-MauticSegment", "ById")]
    public void By_id_with_one_error_per_missing_segment(string script)
    {
        var r = Run(script);
        Assert.Equal("Customers", Assert.Single(r.Output).Properties["name"].Value);
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 999L);
        Assert.Equal("MauticNotFound,Mautic.PowerShell.Cmdlets.Segments.GetMauticSegment", e.FullyQualifiedErrorId);
    }

    [Fact]
    [Covers("Add-MauticSegmentMember")]
    public void Piped_contacts_join_a_segment_in_one_request_with_PassThru_memberships()
    {
        Ps.Seed(5);
        var r = Ok("Get-MauticContact | Add-MauticSegmentMember -SegmentId 3 -PassThru");
        Assert.Equal(5, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.SegmentMembership", o.TypeNames[0]));
        Assert.Single(r.Requests, q => q.Path == "/api/segments/3/contacts/add");
        Assert.Equal(5, State.Segments[3].Members.Count);
        Assert.Empty(Ok("Add-MauticSegmentMember 1 1").Output);   // positional, quiet without -PassThru
        Assert.Contains(1L, State.Segments[1].Members);
    }

    [Fact]
    [Covers("Add-MauticSegmentMember")]
    public void A_contact_that_could_not_be_added_is_an_error_carrying_its_id()
    {
        Ps.Seed(1);
        var r = Run("Add-MauticSegmentMember -SegmentId 3 -Id 1, 424242");
        var e = Assert.Single(r.Errors);
        Assert.Equal(424242L, e.TargetObject);
        Assert.StartsWith("Mautic", e.FullyQualifiedErrorId);
        Assert.Contains(1L, State.Segments[3].Members);
    }

    [Fact]
    [Covers("Remove-MauticSegmentMember")]
    public void Removes_piped_contacts_one_request_each_and_reports_failures()
    {
        Ps.Seed(3);
        lock (State.Sync) foreach (var id in new long[] { 1, 2, 3 }) State.Segments[1].Members.Add(id);
        var r = Run("Get-MauticContact -Id 1, 2 | Remove-MauticSegmentMember -SegmentId 1 -PassThru; Remove-MauticSegmentMember 1 -ContactId 3; Remove-MauticSegmentMember -SegmentId 999 -ContactId 3");
        Assert.Equal(2, r.Output.Count);
        Assert.Empty(State.Segments[1].Members);
        Assert.Equal(3, r.Requests.Count(q => q.Path.StartsWith("/api/segments/1/contact/") && q.Path.EndsWith("/remove")));
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 3L);
    }

    [Fact]
    [Covers("Send-MauticEmail", "Contact")]
    public void Sends_to_piped_contacts_with_tokens_and_reports_an_unknown_email()
    {
        Ps.Seed(2);
        var r = Run("Get-MauticContact | Send-MauticEmail -EmailId 2 -Tokens @{ order_id = 1234 } -AssetAttachment 5; Send-MauticEmail 999 1");
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.EmailSendResult", o.TypeNames[0]));
        Assert.Equal(true, r.Output[0].Properties["Success"].Value);
        Assert.Equal(2, State.Sent.Count);
        Assert.Contains("{order_id}", State.Sent[0].Tokens);
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 1L);
    }

    [Fact]
    [Covers("Send-MauticEmail", "Segment")]
    public void Sends_a_segment_email_with_counts_and_explains_Mautic_5_1s_failure_with_SegmentId()
    {
        Ps.Seed(2);
        lock (State.Sync) { State.Segments[1].Members.Add(1); State.Segments[1].Members.Add(2); }
        var r = Ok("Send-MauticEmail -EmailId 1 -Segment -Limit 10");
        var o = Assert.Single(r.Output);
        Assert.Equal("Mautic.EmailSendResult", o.TypeNames[0]);
        Assert.Equal(2, Convert.ToInt32(o.Properties["SentCount"].Value));
        Assert.Equal(0, Convert.ToInt32(o.Properties["FailedCount"].Value));
        Assert.Contains("\"limit\":10", r.Requests.Single(q => q.Path == "/api/emails/1/send").Body);
        var named = Run("Send-MauticEmail -EmailId 1 -Segment -SegmentId 1");
        var e = named.AllErrors.Single();
        Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        Assert.Contains("Send without -SegmentId", e.Exception.Message);
    }

    [Fact]
    [Covers("Invoke-MauticRequest")]
    public void Calls_any_route_with_query_body_and_method()
    {
        Ps.Seed(2);
        var r = Ok("Invoke-MauticRequest segments/2; Invoke-MauticRequest -Path '/api/contacts' -Query @{ limit = 1; search = 'a1' }; " +
                   "Invoke-MauticRequest -Method PATCH contacts/1/edit -Body @{ city = 'Nice' }; '{\"city\":\"Pau\"}' | Invoke-MauticRequest contacts/2/edit -Method PATCH");
        Assert.Equal("Customers", ((PSObject)r.Output[0].Properties["list"].Value).Properties["name"].Value);
        Assert.Equal("1", r.Requests.Single(q => q.Path == "/api/contacts").Q("limit"));
        Assert.Equal("Nice", State.Contacts[1].Fields["city"]);
        Assert.Equal("Pau", State.Contacts[2].Fields["city"]);
    }

    [Fact]
    [Covers("Invoke-MauticRequest")]
    public void A_failed_call_is_an_error_with_Mautics_message_and_a_bad_body_an_InvalidArgument()
    {
        var r = Run("Invoke-MauticRequest contacts/424242; Invoke-MauticRequest contacts/1/edit -Method PATCH -Body 'not json'");
        Assert.Equal(2, r.AllErrors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.AllErrors[0].CategoryInfo.Category);
        Assert.Equal(ErrorCategory.InvalidArgument, r.AllErrors[1].CategoryInfo.Category);
        Assert.Equal("not json", r.AllErrors[1].TargetObject);
        Assert.Empty(r.Mutating);
    }
}
