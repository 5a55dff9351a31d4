using System.Collections;
using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What dynamic content, marketing messages and devices do beyond the generic area theories (EntityAreaTests runs those).</summary>
public sealed class ContentMessageTests : PsTest
{
    public ContentMessageTests()
    {
        Ps.Seed(2);   // contacts 1 and 2: the devices' contacts
        Ps.Connect();
    }

    static object P(PSObject o, string name) => o.Properties[name].Value;

    /// <summary>A message's channel rows.</summary>
    static PSObject[] Channels(PSObject message) =>
        ((IEnumerable)P(message, "channels")).Cast<object>().Select(x => x as PSObject ?? PSObject.AsPSObject(x)).ToArray();

    [Fact]
    [Covers("New-MauticDynamicContent")]
    public void A_new_item_is_campaign_based_and_a_filter_based_one_needs_its_slot_and_filters()
    {
        var r = Ok("New-MauticDynamicContent -Name plain -Content '<b>bold</b> text' -Description d");
        var dc = Assert.Single(r.Output);
        Assert.Equal("Mautic.DynamicContent", dc.TypeNames[0]);
        Assert.Equal(true, P(dc, "isCampaignBased"));
        Assert.Equal("", P(dc, "slotName"));
        Assert.Equal("bold text", P(dc, "content"));     // Mautic 5.1 strips the tags
        Assert.Null(dc.Properties["description"]);       // taken, never shown

        var refused = Run("New-MauticDynamicContent -Name filtered -IsCampaignBased:$false");
        var e = Assert.Single(refused.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("slotName", e.Exception.Message);
        Assert.Contains("filters", e.Exception.Message);

        var ok = Ok("New-MauticDynamicContent -Name filtered -IsCampaignBased:$false -SlotName hero -Filter @{ glue = 'and'; field = 'email'; object = 'lead'; type = 'email'; operator = '='; filter = 'a1@example.com' }");
        var f = Assert.Single(ok.Output);
        Assert.Equal(false, P(f, "isCampaignBased"));
        Assert.Equal("hero", P(f, "slotName"));
        Assert.Contains("\"filters\":[{", ok.Requests.Single(q => q.Path == "/api/dynamiccontents/new").Body.Replace(" ", ""));
    }

    [Fact]
    [Covers("Set-MauticDynamicContent")]
    public void A_Replace_needs_the_language_and_makes_the_item_filter_based_unless_told()
    {
        var id = (long)P(Ok("New-MauticDynamicContent -Name keep").Output.Single(), "id");
        var noLanguage = Run($"Set-MauticDynamicContent {id} -Name gone -IsCampaignBased -Replace");
        Assert.Equal(ErrorCategory.ConnectionError, Assert.Single(noLanguage.Errors).CategoryInfo.Category);
        var filterBased = Run($"Set-MauticDynamicContent {id} -Name gone -Language en -Replace");
        Assert.Equal(ErrorCategory.InvalidData, Assert.Single(filterBased.Errors).CategoryInfo.Category);
        Assert.Equal("keep", State.Stores["dynamiccontents"].Rows[id].Text("name"));
        var put = Ok($"Set-MauticDynamicContent {id} -Name replaced -Language de -IsCampaignBased -Replace -PassThru").Output.Single();
        Assert.Equal("replaced", P(put, "name"));
        Assert.Equal(false, P(put, "isPublished"));
        var patched = Ok($"Set-MauticDynamicContent {id} -Content 'x' -SlotName s1 -PassThru").Output.Single();
        Assert.Equal("s1", P(patched, "slotName"));
        Assert.Equal(true, P(patched, "isCampaignBased"));
    }

    [Fact]
    [Covers("New-MauticMessage")]
    public void Channel_names_the_item_each_channel_sends()
    {
        var r = Ok("New-MauticMessage -Name welcome -Channel @{ email = 2 }; New-MauticMessage -Name bare -IsPublished:$false");
        var m = r.Output[0];
        Assert.Equal("Mautic.Message", m.TypeNames[0]);
        var channel = Assert.Single(Channels(m));
        Assert.Equal("email", P(channel, "channel"));
        Assert.Equal(2L, P(channel, "channelId"));
        Assert.Equal("Welcome", P(channel, "channelName"));
        Assert.Equal(true, P(channel, "isEnabled"));
        Assert.Contains("\"channels\":{\"email\":{\"channelId\":2,\"isEnabled\":true}}", r.Requests.First(q => q.Path == "/api/messages/new").Body.Replace(" ", ""));
        var bare = Assert.Single(Channels(r.Output[1]));
        Assert.Null(P(bare, "channelId"));
        Assert.Equal(false, P(bare, "isEnabled"));
        Assert.Equal(false, P(r.Output[1], "isPublished"));
    }

    [Fact]
    [Covers("New-MauticMessage")]
    public void A_channel_value_that_is_no_id_is_InvalidArgument_and_an_unknown_channel_is_InvalidData()
    {
        var bad = Run("New-MauticMessage -Name x -Channel @{ email = 'newsletter' }");
        var e = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("newsletter", e.Exception.Message);
        Assert.IsType<Hashtable>(e.TargetObject);
        Assert.Empty(bad.Mutating);
        var unknown = Run("New-MauticMessage -Name x -Channel @{ sms = 3 }");
        var u = Assert.Single(unknown.Errors);
        Assert.Equal(ErrorCategory.InvalidData, u.CategoryInfo.Category);
        Assert.Contains("sms", u.Exception.Message);
        Assert.Empty(State.Stores["messages"].Rows);
    }

    [Fact]
    [Covers("Set-MauticMessage")]
    public void Set_switches_or_disables_a_channel_and_a_Replace_clears_the_channels()
    {
        var id = (long)P(Ok("New-MauticMessage -Name m -Channel @{ email = 1 }").Output.Single(), "id");
        var switched = Ok($"Set-MauticMessage {id} -Channel @{{ email = 3 }} -PassThru").Output.Single();
        var row = Channels(switched).Single();
        Assert.Equal(3L, P(row, "channelId"));
        var disabled = Ok($"Set-MauticMessage {id} -Channel @{{ email = $null }} -PassThru").Output.Single();
        row = Channels(disabled).Single();
        Assert.Equal(false, P(row, "isEnabled"));
        Assert.Equal(3L, P(row, "channelId"));                // disabling keeps the item
        var kept = Ok($"Set-MauticMessage {id} -Channel @{{ email = @{{ isEnabled = $true }} }} -PassThru").Output.Single();
        Assert.Equal(true, P(Channels(kept).Single(), "isEnabled"));
        var put = Ok($"Set-MauticMessage {id} -Name again -Replace -PassThru").Output.Single();
        row = Channels(put).Single();
        Assert.Null(P(row, "channelId"));
        Assert.Equal(false, P(row, "isEnabled"));
    }

    [Fact]
    [Covers("New-MauticDevice")]
    public void A_device_belongs_to_a_contact_shown_by_its_id_and_listed_with_the_contact()
    {
        var r = Ok("New-MauticDevice smartphone -ContactId 2 -DeviceBrand Apple -DeviceModel iPhone -DeviceOsName iOS -DeviceOsShortName IOS -DeviceOsVersion 17 -DeviceOsPlatform ARM");
        var d = Assert.Single(r.Output);
        Assert.Equal("Mautic.Device", d.TypeNames[0]);
        Assert.Equal(2L, P(d, "lead"));
        Assert.Equal("smartphone", P(d, "device"));
        Assert.Equal("ARM", P(d, "deviceOsPlatform"));
        Assert.Contains("\"lead\":2", r.Requests.Single(q => q.Path == "/api/devices/new").Body.Replace(" ", ""));
        var listed = Ok("Get-MauticContactDevice -Id 2");
        Assert.Equal(P(d, "id"), P(Assert.Single(listed.Output), "id"));
        var found = Ok("Get-MauticDevice -Search phone");
        Assert.Equal(P(d, "id"), P(Assert.Single(found.Output), "id"));
        Assert.Contains(found.Requests, q => q.Path == "/api/devices" && q.Q("where[0][col]") == "device");
    }

    [Fact]
    [Covers("New-MauticDevice")]
    public void A_batch_refuses_rows_without_a_contact_and_reports_unknown_contacts_before_sending()
    {
        var r = Run("[pscustomobject]@{ device = 'a'; lead = 1 }, [pscustomobject]@{ device = 'b' }, [pscustomobject]@{ device = 'c'; lead = 424242 }, [pscustomobject]@{ device = 'd'; lead = 2 } | New-MauticDevice -Property @{}");   // -Property @{}: not the runspace default lead
        Assert.Equal(new[] { "a", "d" }, r.Output.Select(o => (string)P(o, "device")).Order());
        Assert.Equal(2, r.Errors.Count);
        Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && e.Exception.Message.Contains("device needs its contact"));
        Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound && (string)((PSObject)e.TargetObject).Properties["device"].Value == "c");
        var single = Run("New-MauticDevice -Device x -ContactId 424242");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(single.Errors).CategoryInfo.Category);
    }

    [Fact]
    [Covers("Set-MauticDevice")]
    public void Set_moves_a_device_and_a_Replace_empties_its_fields_but_keeps_the_contact()
    {
        var id = (long)P(Ok("New-MauticDevice tablet -ContactId 1 -DeviceBrand Acme").Output.Single(), "id");
        var moved = Ok($"Set-MauticDevice {id} -ContactId 2 -DeviceModel X -PassThru").Output.Single();
        Assert.Equal(2L, P(moved, "lead"));
        Assert.Equal("Acme", P(moved, "deviceBrand"));
        var put = Ok($"Set-MauticDevice {id} -Device desktop -Replace -PassThru").Output.Single();
        Assert.Equal(2L, P(put, "lead"));
        Assert.Null(P(put, "deviceBrand"));
        Assert.Equal("desktop", P(put, "device"));
        Ok("Remove-MauticContact -Id 2 -Force");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(Run($"Get-MauticDevice -Id {id}").Errors).CategoryInfo.Category); // gone with its contact
    }
}
