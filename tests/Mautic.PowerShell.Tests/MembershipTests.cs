using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Add-/Remove-MauticCompanyMember and Set-MauticContactStage: per-contact requests, bounded, every input accounted for.</summary>
public sealed class MembershipTests : PsTest
{
    public MembershipTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    long Company() => State.AddCompany("Acme " + Guid.NewGuid().ToString("N")[..6]).Id;
    long Stage() => State.AddStage("Stage " + Guid.NewGuid().ToString("N")[..6]).Id;

    [Fact]
    [Covers("Add-MauticCompanyMember")]
    public void Piped_contacts_join_a_company_one_request_each_and_a_missing_one_is_an_error()
    {
        var company = Company();
        var r = Run($"Get-MauticContact | Add-MauticCompanyMember -CompanyId {company} -PassThru -ThrottleLimit 2; Add-MauticCompanyMember {company} 987654");
        Assert.Equal(3, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.CompanyMembership", o.TypeNames[0]));
        Assert.Equal(company, r.Output[0].Properties["CompanyId"].Value);
        Assert.Equal(new long[] { 1, 2, 3 }, r.Output.Select(o => (long)o.Properties["ContactId"].Value));
        Assert.Equal(4, r.Requests.Count(q => q.Path.StartsWith($"/api/companies/{company}/contact/") && q.Path.EndsWith("/add")));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.All(new long[] { 1, 2, 3 }, id => Assert.Contains(State.Contacts[id].Companies, l => l.CompanyId == company));
    }

    [Fact]
    [Covers("Remove-MauticCompanyMember")]
    public void Removes_contacts_from_a_company_and_WhatIf_sends_nothing()
    {
        var company = Company();
        Ok($"1, 2 | Add-MauticCompanyMember -CompanyId {company}");
        Assert.Empty(Ok($"Remove-MauticCompanyMember {company} 1 -WhatIf").Mutating);
        var r = Ok($"Get-MauticContact -Id 1 | Remove-MauticCompanyMember -CompanyId {company} -PassThru");
        Assert.False((bool)r.Output.Single().Properties["IsMember"].Value);
        Assert.Empty(State.Contacts[1].Companies);
        Assert.Single(State.Contacts[2].Companies);
    }

    [Fact]
    [Covers("Set-MauticContactStage")]
    public void Puts_contacts_into_a_stage_and_takes_them_out_with_Remove()
    {
        var stage = Stage();
        var r = Ok($"1, 2 | Set-MauticContactStage -StageId {stage} -PassThru");
        Assert.All(r.Output, o => Assert.Equal("Mautic.StageMembership", o.TypeNames[0]));
        Assert.Equal(stage, State.Contacts[1].Stage);
        Assert.Equal(stage, State.Contacts[2].Stage);
        var removed = Ok($"Set-MauticContactStage {stage} 1 -Remove");
        Assert.Single(removed.Requests, q => q.Path == $"/api/stages/{stage}/contact/1/remove");
        Assert.Null(State.Contacts[1].Stage);
        Assert.Equal(stage, State.Contacts[2].Stage);
    }

    [Fact]
    public void A_segment_piped_where_contacts_are_expected_is_refused_and_accepted_contacts_still_go_under_Stop()
    {
        var company = Company();
        var r = Run($"$c1 = Get-MauticContact -Id 1; $c1, (Get-MauticSegment -Id 2), 3 | Add-MauticCompanyMember -CompanyId {company} -ErrorAction Stop");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Contains(State.Contacts[1].Companies, l => l.CompanyId == company);
        Assert.Empty(State.Contacts[3].Companies);
    }

    [Fact]
    public void Memberships_feed_contact_lookups()
    {
        var stage = Stage();
        var r = Ok($"1, 2 | Set-MauticContactStage -StageId {stage} -PassThru | Get-MauticContact");
        Assert.Equal(new long[] { 1, 2 }, r.Output.Select(o => (long)o.Properties["id"].Value));
    }

    [Fact]
    public void A_throttle_out_of_range_is_refused_before_any_request()
    {
        var r = Run("Set-MauticContactStage 1 1 -ThrottleLimit 0");
        Assert.Contains("ThrottleLimit", r.AllErrors.Single().ToString());
        Assert.Empty(r.Api);
    }
}
