using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// Records named by name (-SegmentName, -CompanyName, -StageName, aliases of -Segment, -Company, -Stage): one lookup per
/// call, before any contact is read; a name that matches nothing or several records stops the cmdlet and changes nothing.
/// </summary>
public sealed class MembershipByNameTests : PsTest
{
    public MembershipByNameTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    [Fact]
    [Covers("Add-MauticSegmentMember")]
    [Covers("Remove-MauticSegmentMember")]
    public void A_segment_is_named_once_and_matched_without_regard_to_case()
    {
        var r = Ok("1, 2, 3 | Add-MauticSegmentMember -SegmentName 'webinar 2026' -PassThru");
        Assert.Equal(3, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal(3L, o.Properties["SegmentId"].Value));
        Assert.Equal(2, r.Requests.Count(q => q.Method == "GET" && q.Path == "/api/segments"));   // by name, by alias: once per call
        Assert.Equal(3, State.Segments[3].Members.Count);

        var removed = Ok("Remove-MauticSegmentMember -SegmentName 'Webinar 2026' -ContactId 1, 2 -PassThru");
        Assert.Equal(2, removed.Output.Count);
        Assert.Equal(new long[] { 3 }, State.Segments[3].Members.ToArray());
    }

    [Fact]
    [Covers("Add-MauticCompanyMember")]
    [Covers("Remove-MauticCompanyMember")]
    public void A_company_by_name_and_Verbose_names_the_resolved_id()
    {
        var company = State.AddCompany("Acme By Name").Id;
        Ok("Add-MauticCompanyMember -CompanyName 'Acme By Name' 1, 2");
        Assert.Contains(State.Contacts[1].Companies, l => l.CompanyId == company);
        var preview = Run("Remove-MauticCompanyMember -CompanyName 'ACME BY NAME' -ContactId 1 -WhatIf -Verbose");
        Assert.Empty(preview.Mutating);
        Assert.Contains(preview.Verbose, v => v.Message.Contains($"is id {company}"));
        Ok("Remove-MauticCompanyMember -CompanyName 'acme by name' -ContactId 1");
        Assert.Empty(State.Contacts[1].Companies);
        Assert.Single(State.Contacts[2].Companies);
    }

    [Fact]
    [Covers("Set-MauticContactStage")]
    public void A_stage_by_name()
    {
        var stage = State.AddStage("Qualified lead").Id;
        var r = Ok("Get-MauticContact -Id 1 | Set-MauticContactStage -StageName 'Qualified lead' -PassThru");
        Assert.Equal(stage, r.Output.Single().Properties["StageId"].Value);
        Assert.Equal(stage, State.Contacts[1].Stage);
    }

    [Fact]
    [Covers("Add-MauticCampaignMember")]
    [Covers("Remove-MauticCampaignMember")]
    public void A_campaign_by_name()
    {
        var id = Convert.ToInt64(Ok("(New-MauticCampaign -Name 'Onboarding by name').id").Output.Single().BaseObject);
        var r = Ok("1, 2 | Add-MauticCampaignMember -CampaignName 'ONBOARDING BY NAME' -PassThru");
        Assert.All(r.Output, o => Assert.Equal(id, o.Properties["CampaignId"].Value));
        Assert.Equal(2, r.Requests.Count(q => q.Path.StartsWith($"/api/campaigns/{id}/contact/") && q.Path.EndsWith("/add")));
        var removed = Ok("Remove-MauticCampaignMember -CampaignName 'Onboarding by name' -ContactId 1");
        Assert.Single(removed.Requests, q => q.Path == $"/api/campaigns/{id}/contact/1/remove");
        Assert.Equal(new long[] { 2 }, Ok($"Get-MauticCampaignMember {id}").Output.Select(o => (long)o.Properties["ContactId"].Value));
    }

    [Fact]
    [Covers("Get-MauticCampaignMember")]
    [Covers("Copy-MauticCampaign")]
    public void Campaigns_read_and_cloned_by_name_and_a_missing_name_is_one_error_carrying_it()
    {
        var id = Convert.ToInt64(Ok("(New-MauticCampaign -Name 'Welcome by name').id").Output.Single().BaseObject);
        Ok($"1, 3 | Add-MauticCampaignMember -CampaignId {id}");
        var r = Run("Get-MauticCampaignMember -CampaignName 'welcome by name', 'No such campaign'");
        Assert.Equal(new long[] { 1, 3 }, r.Output.Select(o => (long)o.Properties["ContactId"].Value));
        r.SingleError(ErrorCategory.ObjectNotFound, "No such campaign");
        Assert.Empty(Ok("Copy-MauticCampaign -CampaignName 'Welcome by name' -WhatIf").Mutating);
        var copy = Ok("Copy-MauticCampaign -CampaignName 'WELCOME BY NAME'");
        Assert.Single(copy.Requests, q => q.Method == "POST" && q.Path == $"/api/campaigns/clone/{id}");
    }

    [Fact]
    public void A_name_nobody_has_stops_before_any_change_naming_the_name()
    {
        var r = Run("1, 2 | Add-MauticSegmentMember -SegmentName 'No such segment'; 'after'");
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.Terminating!.CategoryInfo.Category);
        Assert.Equal("No such segment", r.Terminating.TargetObject);
        Assert.Contains("No such segment", r.Terminating.ToString());
        Assert.Empty(r.Mutating);
    }

    [Fact]
    public void A_name_two_records_share_stops_and_lists_their_ids()
    {
        var a = State.AddCompany("Twin Co").Id;
        var b = State.AddCompany("Twin Co").Id;
        var r = Run("Add-MauticCompanyMember -CompanyName 'Twin Co' -ContactId 1");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Contains($"{a}, {b}", r.Terminating.ToString());
        Assert.Empty(r.Mutating);
        Assert.Empty(State.Contacts[1].Companies);
    }
}
