using System.Management.Automation;
using System.Text.Json.Nodes;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// The campaign cmdlets beyond the generic four: membership (per contact, bounded), a campaign's contacts, clones,
/// events, a contact's campaigns and its event log (single and batch edits). The generic four run in EntityAreaTests.
/// </summary>
public sealed class CampaignTests : PsTest
{
    public CampaignTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    /// <summary>A published campaign with one event, fed by segment 1 (through the cmdlet, so through the fake's routes).</summary>
    long Campaign(string name = "c") => Convert.ToInt64(Ok($"(New-MauticCampaign -Name '{name}-{Guid.NewGuid():N}').id").Output.Single().BaseObject);

    long EventOf(long campaign)
    {
        lock (State.Sync) return State.Campaigns.Events.Values.First(e => e.Campaign.Id == campaign).Id;
    }

    [Fact]
    public void A_single_create_needs_events_and_a_source_and_the_named_parameters_build_them()
    {
        var refused = Run("New-MauticCampaign -Name 'bare' -Property @{ description = 'x' }");
        var e = Assert.Single(refused.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("At least one event is required", e.Exception.Message);

        var r = Ok("New-MauticCampaign -Name 'named' -SegmentId 2 -IsPublished:$false -Property @{} " +
                   "-Event @{ id = 'new1'; name = 'Points'; type = 'lead.changepoints'; eventType = 'action'; order = 1; properties = @{ points = 5 }; triggerMode = 'immediate' }");
        var c = Assert.Single(r.Output);
        Assert.Equal("Mautic.Campaign", c.TypeNames[0]);
        Assert.False((bool)c.Properties["isPublished"].Value);
        var body = JsonNode.Parse(r.Requests.Single(q => q.Path == "/api/campaigns/new").Body)!;
        Assert.Equal(2, (long)body["lists"]![0]!["id"]!);
        Assert.Equal("lead.changepoints", (string)body["events"]![0]!["type"]!);
        Assert.False((bool)body["isPublished"]!);
        Assert.Single(PsResult.Items(c.Properties["events"].Value));
    }

    [Fact]
    [Covers("Set-MauticCampaign")]
    public void IsPublished_on_Set_is_sent_only_when_given()
    {
        var id = Campaign();
        var r = Ok($"Set-MauticCampaign {id} -IsPublished:$false -PassThru; Set-MauticCampaign {id} -Description d");
        var bodies = r.Requests.Where(q => q.Path == $"/api/campaigns/{id}/edit").Select(q => JsonNode.Parse(q.Body)!.AsObject()).ToList();
        Assert.False((bool)bodies[0]["isPublished"]!);
        Assert.False(bodies[1].ContainsKey("isPublished"));
        Assert.False((bool)r.Output.Single().Properties["isPublished"].Value);
    }

    [Fact]
    [Covers("Add-MauticCampaignMember")]
    [Covers("Get-MauticCampaignMember")]
    public void Contacts_join_one_request_each_and_the_campaign_lists_them_as_members()
    {
        var id = Campaign();
        var r = Run($"Get-MauticContact | Add-MauticCampaignMember -CampaignId {id} -PassThru -ThrottleLimit 2; Add-MauticCampaignMember {id} 987654");
        Assert.Equal(3, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.CampaignMembership", o.TypeNames[0]));
        Assert.Equal(id, r.Output[0].Properties["CampaignId"].Value);
        Assert.Equal(4, r.Requests.Count(q => q.Path.StartsWith($"/api/campaigns/{id}/contact/") && q.Path.EndsWith("/add")));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);

        var members = Ok($"Get-MauticCampaignMember -CampaignId {id}");
        Assert.Equal(new long[] { 1, 2, 3 }, members.Output.Select(o => (long)o.Properties["ContactId"].Value));
        Assert.All(members.Output, o =>
        {
            Assert.Equal("Mautic.CampaignMember", o.TypeNames[0]);
            Assert.Equal(id, o.Properties["CampaignId"].Value);
            Assert.True((bool)o.Properties["ManuallyAdded"].Value);
            Assert.IsType<DateTime>(o.Properties["DateAdded"].Value);
        });
        Assert.Contains(members.Requests, q => q.Path == $"/api/campaigns/{id}/contacts" && q.Q("limit") == "100");
        Run("Get-MauticCampaignMember 999").SingleError(ErrorCategory.ObjectNotFound, 999L);
    }

    [Fact]
    public void Members_page_through_a_campaign_with_more_contacts_than_a_page()
    {
        Ps.Seed(150);
        var id = Campaign();
        Ok($"1..150 | Add-MauticCampaignMember -CampaignId {id} -ThrottleLimit 8");
        var r = Ok($"Get-MauticCampaignMember {id}");
        Assert.Equal(150, r.Output.Count);
        Assert.Equal(2, r.Requests.Count(q => q.Path == $"/api/campaigns/{id}/contacts"));
    }

    [Fact]
    [Covers("Remove-MauticCampaignMember")]
    public void Members_piped_back_leave_the_campaign_and_WhatIf_sends_nothing()
    {
        var id = Campaign();
        Ok($"1, 2 | Add-MauticCampaignMember -CampaignId {id}");
        Assert.Empty(Ok($"Remove-MauticCampaignMember {id} 1 -WhatIf").Mutating);
        var r = Ok($"Get-MauticCampaignMember {id} | Where-Object ContactId -eq 1 | Remove-MauticCampaignMember -CampaignId {id} -PassThru");
        Assert.False((bool)r.Output.Single().Properties["IsMember"].Value);
        Assert.Equal(new long[] { 2 }, Ok($"Get-MauticCampaignMember {id}").Output.Select(o => (long)o.Properties["ContactId"].Value));
        var bad = Run($"Get-MauticCampaign -Id {id} | Remove-MauticCampaignMember -CampaignId {id}");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(bad.Errors).CategoryInfo.Category);
    }

    [Fact]
    [Covers("Copy-MauticCampaign")]
    public void Clones_piped_campaigns_honours_WhatIf_and_reports_a_missing_one()
    {
        var id = Campaign("orig");
        Assert.Empty(Ok($"Copy-MauticCampaign {id} -WhatIf").Mutating);
        var r = Run($"Get-MauticCampaign -Id {id} | Copy-MauticCampaign; Copy-MauticCampaign -Id 999");
        var copy = Assert.Single(r.Output);
        Assert.Equal("Mautic.Campaign", copy.TypeNames[0]);
        Assert.NotEqual(id, (long)copy.Properties["id"].Value);
        Assert.False((bool)copy.Properties["isPublished"].Value);
        Assert.Single(r.Requests, q => q.Path == $"/api/campaigns/clone/{id}" && q.Method == "POST");
        r.SingleError(ErrorCategory.ObjectNotFound, 999L);
    }

    [Fact]
    [Covers("Get-MauticCampaignEvent", "List")]
    [Covers("Get-MauticCampaignEvent", "ById")]
    public void Events_of_every_campaign_are_listed_and_read_by_id()
    {
        var a = Campaign();
        var b = Campaign();
        var all = Ok("Get-MauticCampaignEvent -IncludeTotalCount");
        Assert.Equal(2UL, Convert.ToUInt64(all.Output[0].BaseObject));
        Assert.All(all.Output.Skip(1), o => Assert.Equal("Mautic.CampaignEvent", o.TypeNames[0]));
        var ev = EventOf(b);
        var one = Run($"Get-MauticCampaignEvent -Id {ev}, 987654");
        var e = Assert.Single(one.Output);
        Assert.Equal(b, ((PSObject)e.Properties["campaign"].Value).Properties["id"].Value);
        one.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Contains(one.Requests, q => q.Path == $"/api/campaigns/events/{ev}");
        Assert.NotEqual(a, b);
    }

    [Fact]
    [Covers("Get-MauticContactCampaign")]
    public void A_contact_lists_its_published_campaigns_only()
    {
        var published = Campaign("pub");
        var draft = Campaign("draft");
        Ok($"Set-MauticCampaign {draft} -IsPublished:$false; 1 | Add-MauticCampaignMember -CampaignId {published}; 1 | Add-MauticCampaignMember -CampaignId {draft}");
        var r = Run("Get-MauticContact -Id 1 | Get-MauticContactCampaign; Get-MauticContactCampaign 987654");
        var c = Assert.Single(r.Output);
        Assert.Equal("Mautic.Campaign", c.TypeNames[0]);
        Assert.Equal(published, c.Properties["id"].Value);
        Assert.Equal(new object[] { 1L }, PsResult.Items(c.Properties["listMembership"].Value));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Get-MauticCampaignContactEvent")]
    public void A_contacts_event_log_in_one_campaign_and_across_campaigns()
    {
        var id = Campaign();
        Ok($"1 | Add-MauticCampaignMember -CampaignId {id}");
        var r = Ok($"Get-MauticCampaignContactEvent 1 -CampaignId {id}");
        var e = Assert.Single(r.Output);
        Assert.Equal("Mautic.CampaignContactEvent", e.TypeNames[0]);
        Assert.Equal(EventOf(id), e.Properties["id"].Value);
        Assert.Equal(1L, e.Properties["ContactId"].Value);
        Assert.Equal(id, e.Properties["CampaignId"].Value);

        var across = Ok("Get-MauticCampaignContactEvent -Id 1");
        Assert.Contains(across.Requests, q => q.Path == "/api/campaigns/events/contact/1" && q.Q("limit") == "100");

        var notIn = Run($"Get-MauticCampaignContactEvent 2 -CampaignId {id}; Get-MauticCampaignContactEvent 987654");
        Assert.Equal(2, notIn.Errors.Count);
        Assert.Equal(ErrorCategory.InvalidData, notIn.Errors[0].CategoryInfo.Category);   // Mautic's 409: not in the campaign
        Assert.Equal(2L, notIn.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, notIn.Errors[1].CategoryInfo.Category);
    }

    [Fact]
    [Covers("Set-MauticCampaignContactEvent")]
    public void One_log_change_goes_to_the_single_route_with_the_date_in_UTC()
    {
        var id = Campaign();
        var ev = EventOf(id);
        Ok($"1 | Add-MauticCampaignMember -CampaignId {id}");
        var r = Ok($"Set-MauticCampaignContactEvent -EventId {ev} -ContactId 1 -TriggerDate ([datetime]::SpecifyKind([datetime]'2030-01-02 10:00:00', 'Utc')) -Property @{{ metadata = @{{ note = 'x' }} }} -PassThru");
        var q = r.Requests.Single(x => x.Path == $"/api/campaigns/events/{ev}/contact/1/edit");
        Assert.Equal("PUT", q.Method);
        var body = JsonNode.Parse(q.Body)!.AsObject();
        Assert.Equal("2030-01-02 10:00:00", (string)body["triggerDate"]!);
        Assert.False(body.ContainsKey("eventId"));
        var o = Assert.Single(r.Output);
        Assert.Equal("Mautic.CampaignContactEvent", o.TypeNames[0]);
        Assert.Equal(1L, o.Properties["ContactId"].Value);
        lock (State.Sync) Assert.Equal(new DateTime(2030, 1, 2, 10, 0, 0), State.Campaigns.Logs[(ev, 1)].TriggerDate);
    }

    [Fact]
    public void Several_log_changes_go_in_one_batch_and_each_failure_carries_its_row()
    {
        var id = Campaign();
        var ev = EventOf(id);
        Ok($"1, 2 | Add-MauticCampaignMember -CampaignId {id}");
        var r = Run($"@([pscustomobject]@{{ EventId = {ev}; ContactId = 1; TriggerDate = '2030-02-01 10:00' }}, " +
                    $"[pscustomobject]@{{ EventId = 987654; ContactId = 1; TriggerDate = '2030-02-01 10:00' }}, " +
                    $"[pscustomobject]@{{ EventId = {ev}; ContactId = 2; TriggerDate = '2030-02-02 10:00' }}, " +
                    $"[pscustomobject]@{{ EventId = {ev}; ContactId = 3; TriggerDate = '2030-02-02 10:00' }}) | Set-MauticCampaignContactEvent -PassThru");
        Assert.Single(r.Requests, q => q.Path == "/api/campaigns/events/batch/edit" && q.Method == "PUT");
        Assert.DoesNotContain(r.Requests, q => q.Path.EndsWith("/edit") && q.Path.Contains("/contact/"));
        Assert.Equal(2, r.Output.Count);
        Assert.Equal(new long[] { 1, 2 }, r.Output.Select(o => (long)o.Properties["ContactId"].Value));
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.Errors[0].CategoryInfo.Category);
        Assert.Equal(987654L, Convert.ToInt64(((PSObject)r.Errors[0].TargetObject).Properties["EventId"].Value));
        Assert.Equal(ErrorCategory.InvalidData, r.Errors[1].CategoryInfo.Category);   // contact 3 is not in the campaign
        Assert.Equal(3, Convert.ToInt32(((PSObject)r.Errors[1].TargetObject).Properties["ContactId"].Value));
        lock (State.Sync) Assert.Equal(new DateTime(2030, 2, 2, 10, 0, 0), State.Campaigns.Logs[(ev, 2)].TriggerDate);
    }

    [Fact]
    public void A_log_change_with_nothing_to_change_or_WhatIf_sends_nothing()
    {
        var r = Run("Set-MauticCampaignContactEvent -EventId 1 -ContactId 1; Set-MauticCampaignContactEvent 1 1 -TriggerDate '2030-01-01' -WhatIf");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(r.Errors).CategoryInfo.Category);
        Assert.Empty(r.Mutating);
    }
}
