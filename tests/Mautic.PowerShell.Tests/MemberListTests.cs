using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// Get-MauticSegmentMember, Get-MauticCompanyMember, Get-MauticStageMember, Get-MauticTagMember (issue 15, item 4), and errors that say
/// what to do (item 6): a membership 404 names the missing record, a cut-off write says how to check, a prompt the
/// host cannot show fails at once naming -Force and -Confirm:$false.
/// </summary>
public sealed class MemberListTests : PsTest
{
    public MemberListTests()
    {
        Ps.Seed(5);
        Ps.Connect();
    }

    [Fact]
    [Covers("Get-MauticSegmentMember", "List")]
    public void A_segment_by_name_alias_or_object_lists_its_contacts_paged()
    {
        Ok("1, 3, 5 | Add-MauticSegmentMember -SegmentId 3");
        foreach (var how in new[] { "'Webinar 2026'", "'webinar-2026'", "3", "(Get-MauticSegment -Id 3)" })
        {
            var r = Ok($"Get-MauticSegmentMember -Segment {how}");
            Assert.Equal(new long[] { 1, 3, 5 }, r.Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));
            Assert.All(r.Output, o => Assert.Equal("Mautic.Contact", o.TypeNames[0]));
        }
        var paged = Ok("Get-MauticSegment -Id 3 | Get-MauticSegmentMember -Skip 1 -First 1 -PageSize 1");
        Assert.Equal(3L, Convert.ToInt64(paged.Output.Single().Properties["id"].Value));
        Assert.Contains(paged.Requests, q => q.Path == "/api/contacts" && q.Q("search") == "segment:webinar-2026");
    }

    [Fact]
    [Covers("Get-MauticTagMember", "List")]
    public void A_tag_by_name_or_object_lists_exactly_its_contacts_and_a_missing_one_is_ObjectNotFound()
    {
        Ok("Get-MauticContact -Id 1, 4 | Set-MauticContact -AddTag 'vip club'; Get-MauticContact -Id 2 | Set-MauticContact -AddTag 'vip club 2026'");
        foreach (var how in new[] { "'VIP club'", "(Get-MauticTag -Search 'vip club' | Where-Object tag -eq 'vip club')" })
        {
            var r = Ok($"Get-MauticTagMember -Tag {how}");
            Assert.Equal(new long[] { 1, 4 }, r.Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));   // not the longer tag's contact
            Assert.Contains(r.Requests, q => q.Path == "/api/contacts" && q.Q("search") == "tag:\"+vip club\"");
        }
        var tagId = Ok("(Get-MauticTag -Search 'vip club 2026').id").Output.Single().BaseObject;
        Assert.Equal(new long[] { 2 }, Ok($"Get-MauticTagMember {tagId} -Search 'email:*'").Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));
        Assert.StartsWith("Tag 996 was not found.", Run("Get-MauticTagMember 996").SingleError(ErrorCategory.ObjectNotFound, 996L).Exception.Message);
    }

    [Fact]
    public void A_missing_segment_and_a_contact_of_the_wrong_kind_are_errors_carrying_the_input_and_the_others_go_on()
    {
        Ok("1 | Add-MauticSegmentMember -SegmentId 2");
        var r = Run("Get-MauticSegmentMember -Segment 999, 2");
        Assert.Single(r.Output);
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 999L);
        Assert.StartsWith("Segment 999 was not found.", e.Exception.Message);
    }

    [Fact]
    public void A_segment_name_shared_by_a_name_and_an_alias_is_ambiguous_naming_the_candidates()
    {
        var id = Ok("(New-MauticSegment -Name 'customers').id").Output.Single().BaseObject;   // its name is segment 2's alias
        var r = Run("Get-MauticSegmentMember -Segment 'Customers'");
        Assert.Empty(r.Output);
        var e = r.SingleError(ErrorCategory.InvalidArgument, "Customers");
        Assert.Contains("2 'Customers' (alias customers)", e.Exception.Message);
        Assert.Contains($"{id} 'customers'", e.Exception.Message);
    }

    [Fact]
    [Covers("Get-MauticCompanyMember", "List")]
    [Covers("Get-MauticStageMember", "List")]
    public void A_company_and_a_stage_list_their_contacts_and_a_missing_one_is_ObjectNotFound()
    {
        var company = State.AddCompany("Members Inc").Id;
        var stage = State.AddStage("Members stage").Id;
        Ok($"2, 4 | Add-MauticCompanyMember -CompanyId {company}; 3, 4 | Set-MauticContactStage -StageId {stage}");
        Assert.Equal(new long[] { 2, 4 }, Ok("Get-MauticCompanyMember -Company 'Members Inc'").Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));
        Assert.Equal(new long[] { 3, 4 }, Ok($"Get-MauticStageMember {stage}").Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));
        Assert.StartsWith("Company 998 was not found.", Run("Get-MauticCompanyMember 998").SingleError(ErrorCategory.ObjectNotFound, 998L).Exception.Message);
        Assert.StartsWith("Stage 997 was not found.", Run("Get-MauticStageMember 997").SingleError(ErrorCategory.ObjectNotFound, 997L).Exception.Message);
    }

    [Fact]
    public void A_404_under_a_record_names_the_record_that_is_missing()
    {
        var email = Run("Send-MauticEmail -EmailId 999 -ContactId 1");
        Assert.StartsWith("Email 999 was not found.", Missing(email));
        Assert.Single(email.Requests, q => q.Path == "/api/emails/999");                       // one read tells which of the two
        var contact = Run("Send-MauticEmail -EmailId 2 -ContactId 987654");
        Assert.StartsWith("Contact 987654 was not found (email 2 exists).", Missing(contact));

        var notes = Run("Get-MauticContactNote -Id 987654");
        Assert.StartsWith("Contact 987654 was not found.", Missing(notes));
        Assert.Single(notes.Requests);                                                         // one record named: no read
        Assert.StartsWith("Form 999 was not found.", Missing(Run("Get-MauticFormSubmission -FormId 999")));
        Assert.StartsWith("Contact 987654 was not found.", Missing(Run("Get-MauticCampaignContactEvent 987654")));
        Assert.Contains("HTTP 404", Missing(notes));                  // Mautic's own answer stays in the text
        // A second id of no known kind under an existing contact: Mautic's own message, which names it, is kept.
        var utm = Run("Remove-MauticContactUtm 1 99999 -Force");
        Assert.Contains("99999", Missing(utm));
        Assert.DoesNotContain("Contact 1 was not found", Missing(utm));
    }

    static string Missing(PsResult r)
    {
        var e = Assert.Single(r.AllErrors);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        return e.Exception.Message;
    }

    [Fact]
    public void A_membership_404_names_the_contact_or_the_segment_that_is_missing()
    {
        var r = Run("Add-MauticSegmentMember -SegmentId 3 -ContactId 7798");
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 7798L);
        Assert.StartsWith("Contact 7798 was not found (segment 3 exists).", e.Exception.Message);
        r = Run("Add-MauticSegmentMember -SegmentId 996 -ContactId 1");
        e = r.SingleError(ErrorCategory.ObjectNotFound, 1L);
        Assert.StartsWith("Segment 996 was not found.", e.Exception.Message);
        var company = State.AddCompany("Missing check").Id;
        r = Run($"Add-MauticCompanyMember -CompanyId {company} -ContactId 7798, 7799");
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, x => Assert.Contains($"was not found (company {company} exists).", x.Exception.Message));
        Assert.Single(r.Requests, q => q.Method == "GET" && q.Path == $"/api/companies/{company}");   // one check however many failed
    }

    [Fact]
    public void A_cut_off_create_is_read_back_and_said_not_saved_when_Mautic_never_saved_it()
    {
        State.Arm(new Mautic.FakeServer.Fault { PathPrefix = "/api/contacts/new", Kind = Mautic.FakeServer.FaultKind.Drop });
        var r = Run("New-MauticContact -Email 'cut@example.com'");
        var e = r.Errors.Single();
        Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        Assert.StartsWith("Mautic did not save this contact: POST ", e.Exception.Message);
        Assert.Contains("no contact has email 'cut@example.com'. Sending it again is safe.", e.Exception.Message);
    }

    [Fact]
    public void A_timed_out_create_names_the_per_try_setting()
    {
        Ps.Connect(extra: "-MaxRetries 0 -TimeoutSec 1");
        State.Arm(new Mautic.FakeServer.Fault { PathPrefix = "/api/contacts/new", Kind = Mautic.FakeServer.FaultKind.Delay, DelayMs = 4000 });
        var r = Run("New-MauticContact -Email 'slow@example.com'");
        var e = r.Errors.Single();
        Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
        Assert.Contains("Mautic may have saved it", e.Exception.Message);
        Assert.Contains("Connect-Mautic -TimeoutSec (now 1)", e.Exception.Message);
        // Read back at once it is not there yet, but Mautic is still working on it: in doubt, saying so.
        Assert.Contains("no contact has email 'slow@example.com'; but the request timed out while Mautic was still working on it, so it may yet be saved: it stays in doubt.", e.Exception.Message);
        Assert.Contains("Get-MauticContact", e.Exception.Message);
    }

    [Fact]
    public void A_delete_that_would_prompt_in_a_host_that_cannot_fails_at_once_naming_Force_and_Confirm_false()
    {
        var r = Run("Remove-MauticContact -Id 1");
        Assert.NotNull(r.Terminating);
        Assert.Equal("MauticConfirmationNotPossible,Mautic.PowerShell.Cmdlets.Contacts.RemoveMauticContact", r.Terminating!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, r.Terminating.CategoryInfo.Category);
        Assert.Contains("-Force", r.Terminating.Exception.Message);
        Assert.Contains("-Confirm:$false", r.Terminating.Exception.Message);
        Assert.Empty(r.Requests);
        Assert.Empty(Ok("Remove-MauticContact -Id 1 -Confirm:$false").Errors);
    }

    [Fact]
    public void A_401_with_Basic_auth_says_Basic_auth_may_be_off_and_the_cache_must_be_cleared()
    {
        State.Arm(new Mautic.FakeServer.Fault { PathPrefix = "/api/contacts/1", Kind = Mautic.FakeServer.FaultKind.Status, Status = 401 });
        var e = Run("Get-MauticContact -Id 1").SingleError(ErrorCategory.AuthenticationError, 1L);
        Assert.Contains("'Enable HTTP basic auth?'", e.Exception.Message);
        Assert.Contains("'API enabled?'", e.Exception.Message);
        Assert.Contains("cache", e.Exception.Message);
    }

    [Theory]
    [InlineData(new[] { "/usr/bin/pwsh", "-NonInteractive", "-File", "x.ps1" }, true)]
    [InlineData(new[] { "pwsh.dll", "-noni", "-c", "Remove-MauticTag 1" }, true)]
    [InlineData(new[] { "powershell.exe", "-ExecutionPolicy", "Bypass", "/NonInteractive" }, true)]
    [InlineData(new[] { "pwsh", "-File", "x.ps1", "-NonInteractive" }, false)]
    [InlineData(new[] { "pwsh", "-NoProfile" }, false)]
    [InlineData(new[] { "testhost.dll", "-NonInteractive" }, false)]
    public void NonInteractive_is_read_from_a_pwsh_command_line(string[] args, bool expected)
    {
        var list = string.Join(", ", args.Select(a => "'" + a + "'"));
        var r = Ok("[Mautic.PowerShell.Base.MauticCmdletBase].GetMethod('StartedNonInteractive', [Reflection.BindingFlags]'NonPublic,Static').Invoke($null, @(,[string[]]@(" + list + ")))");
        Assert.Equal(expected, (bool)r.Output.Single().BaseObject);
    }
}
