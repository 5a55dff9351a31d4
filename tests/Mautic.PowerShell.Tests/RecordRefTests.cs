using System.Diagnostics;
using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// One way to refer to another area's record (-Segment, -Company, -Campaign, -Stage, -Sms, -Email): an id, a name or
/// the record itself, resolved once per invocation; and the completers that offer the records of the connection.
/// </summary>
public sealed class RecordRefTests : PsTest
{
    public RecordRefTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    [Fact]
    public void An_id_a_digit_string_a_name_and_the_record_itself_name_the_same_segment()
    {
        foreach (var given in new[] { "3", "'3'", "'WEBINAR 2026'", "(Get-MauticSegment -Id 3)",
                     "([System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-MauticSegment -Id 3))))" })
        {
            var r = Ok($"Add-MauticSegmentMember -Segment {given} -ContactId 1");
            Assert.Contains(r.Requests, q => q.Method == "POST" && q.Path == "/api/segments/3/contact/1/add");
        }
        var positional = Ok("1 | Add-MauticSegmentMember Customers");
        Assert.Contains(positional.Requests, q => q.Method == "POST" && q.Path == "/api/segments/2/contact/1/add");
    }

    [Fact]
    public void A_name_is_looked_up_once_however_many_records_the_pipeline_brings()
    {
        var r = Ok("1..3 | ForEach-Object { $_ } | Remove-MauticSegmentMember -Segment newsletter");
        Assert.Equal(2, r.Requests.Count(q => q.Method == "GET" && q.Path == "/api/segments"));   // by name and by alias, once
        Assert.Equal(3, r.Requests.Count(q => q.Path.StartsWith("/api/segments/1/contact/")));

        var c = Ok("New-MauticCampaign -Name 'Piped twice'").Output.Single().Properties["id"].Value;
        var members = Ok("'piped twice', 'PIPED TWICE', 'Piped twice' | Get-MauticCampaignMember");
        Assert.Single(members.Requests, q => q.Method == "GET" && q.Path == "/api/campaigns");
        Assert.Equal(3, members.Requests.Count(q => q.Path == $"/api/campaigns/{c}/contacts"));
    }

    [Fact]
    public void A_record_of_another_kind_is_refused_naming_its_kind_and_nothing_changes()
    {
        var r = Run("Add-MauticSegmentMember -Segment (Get-MauticContact -Id 2) -ContactId 1");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Contains("Mautic.Contact", r.Terminating.Exception.Message);
        Assert.Contains("segment", r.Terminating.Exception.Message);
        Assert.Equal(2L, ((PSObject)r.Terminating.TargetObject).Properties["id"].Value);
        Assert.Empty(r.Mutating);

        var piped = Run("Get-MauticSegment -Id 2 | Get-MauticCampaignMember; 'after'");
        var e = Assert.Single(piped.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("Mautic.Segment", e.Exception.Message);
        Assert.Equal(2L, ((PSObject)e.TargetObject).Properties["id"].Value);
        Assert.DoesNotContain(piped.Requests, q => q.Path.StartsWith("/api/campaigns"));
        Assert.Equal("after", piped.Output.Last().ToString());
    }

    [Fact]
    public void A_name_nothing_has_is_one_error_naming_it_and_the_other_campaigns_go_on()
    {
        var c = Ok("New-MauticCampaign -Name 'Found one'").Output.Single().Properties["id"].Value;
        var r = Run("Get-MauticCampaignMember -Campaign 'Nobody has this', 'found one'");
        Assert.Equal("Nobody has this", r.SingleError(ErrorCategory.ObjectNotFound, "Nobody has this").TargetObject);
        Assert.Contains("Nobody has this", r.Errors.Single().Exception.Message);
        Assert.Contains(r.Requests, q => q.Path == $"/api/campaigns/{c}/contacts");
    }

    [Fact]
    public void A_bad_id_is_a_binding_error_naming_it()
    {
        var r = Run("Add-MauticSegmentMember -SegmentId 0 -ContactId 1");
        Assert.Contains("0", r.AllErrors.Single().ToString());
        Assert.Empty(r.Api);
    }

    [Fact]
    public void The_email_and_the_campaign_filter_take_names_too()
    {
        var r = Ok("Send-MauticEmail -Email 'WELCOME' -ContactId 1");
        Assert.Contains(r.Requests, q => q.Method == "POST" && q.Path == "/api/emails/2/contact/1/send");
        var c = Ok("$c = New-MauticCampaign -Name 'Events by name'; Add-MauticCampaignMember $c 1; $c.id").Output.Last().BaseObject;
        var events = Ok("Get-MauticCampaignContactEvent 1 -Campaign 'events by name'");
        Assert.Contains(events.Requests, q => q.Path == $"/api/campaigns/{c}/events/contact/1");
    }

    [Fact]
    public void Ids_complete_as_id_and_name_and_typed_text_completes_quoted_names()
    {
        var all = Ok(Complete("Add-MauticSegmentMember -Segment ")).Output.Select(o => o.ToString()).ToList();
        Assert.Equal(new[] { "1|1 - Newsletter", "2|2 - Customers", "3|3 - Webinar 2026" }, all);
        Assert.Equal(new[] { "3|3 - Webinar 2026" }, Ok(Complete("Remove-MauticSegmentMember -SegmentId 3")).Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "'Webinar 2026'|3 - Webinar 2026" }, Ok(Complete("Add-MauticSegmentMember -SegmentName web")).Output.Select(o => o.ToString()));
        // Names that start with the text come first, then names that contain it; a one-word name stays bare.
        Assert.Equal(new[] { "Newsletter|1 - Newsletter", "'Webinar 2026'|3 - Webinar 2026" }, Ok(Complete("Add-MauticSegmentMember -Segment n")).Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "Customers|2 - Customers" }, Ok(Complete("Add-MauticSegmentMember -Segment 'cu")).Output.Select(o => o.ToString()));

        Ok("New-MauticCompany -Name \"O'Brien & Co\"");
        Assert.Equal(new[] { "'O''Brien & Co'|1 - O'Brien & Co" }, Ok(Complete("Add-MauticCompanyMember -Company o")).Output.Select(o => o.ToString()));
        Assert.Contains("1|1 - O'Brien & Co", Ok(Complete("Get-MauticCampaignContactEvent 1 -Campaign x; Add-MauticCompanyMember -CompanyId ")).Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Every_parameter_that_names_a_record_completes_from_its_area()
    {
        Ok("New-MauticForm -Name 'Sign up'; New-MauticPointGroup -Name Loyalty; New-MauticRole -Name 'Sales desk' -Property @{ isAdmin = $false }; " +
           "New-MauticReport -Name 'Weekly leads' -Property @{ source = 'leads'; system = $false }");
        // A number parameter gets the id even when a name was typed; a name parameter gets the name even when nothing was.
        Assert.Equal(new[] { "1|1 - Sign up" }, Completions("Get-MauticFormSubmission -FormId sig"));
        Assert.Equal(new[] { "1|1 - Sign up" }, Completions("Remove-MauticFormField -FormId "));       // the form cmdlet's own area
        Assert.Equal(new[] { "1|1 - Loyalty" }, Completions("Get-MauticContactPointGroup 1 -PointGroupId "));
        Assert.Contains(Completions("New-MauticUser -RoleId sales"), c => c.EndsWith(" - Sales desk") && !c.StartsWith("'"));
        Assert.Contains("1|1 - Newsletter", Completions("New-MauticEmail -Name x -SegmentId "));
        Assert.Contains(Completions("Get-MauticReportData -Id "), c => c.EndsWith(" - Weekly leads"));
        Assert.Equal(new[] { "3|3 - Webinar 2026" }, Completions("Mautic\\Get-MauticSegment -Id web"));
    }

    [Fact]
    public void A_cmdlet_whose_area_follows_from_its_parameters_completes_from_that_area()
    {
        Ok("New-MauticField -Object Company -Name 'Region code' -Property @{ type = 'text' }");
        var company = Completions("Get-MauticField -Object Company -Id reg");
        Assert.Single(company, c => c.EndsWith(" - Region code"));
        Assert.DoesNotContain(Completions("Get-MauticField -Id reg"), c => c.EndsWith(" - Region code"));   // contact fields, the default
    }

    [Fact]
    public void Contacts_are_never_offered()
    {
        // Contacts are never listed (PowerShell may offer file names instead: no record).
        Assert.DoesNotContain(Completions("Add-MauticSegmentMember -Segment 1 -ContactId "), c => c.Contains(" - "));
        Assert.DoesNotContain(Completions("Get-MauticContact -Id "), c => c.Contains(" - "));
    }

    [Fact]
    public void Completion_uses_the_connection_given_and_offers_nothing_without_one()
    {
        Assert.Empty(Ok("Disconnect-Mautic; " + Complete("Add-MauticSegmentMember -Segment ")).Output);
        var r = Ok("$c = Connect-Mautic -BaseUrl $BaseUrl -Credential $Cred -PassThru; Disconnect-Mautic; " +
                   Complete("Copy-MauticCampaign -Connection `$c -Campaign "));
        Assert.Empty(r.Output);                                     // no campaigns yet, but the list was read
        Assert.Contains(r.Requests, q => q.Method == "GET" && q.Path == "/api/campaigns");
    }

    [Fact]
    public void A_slow_Mautic_costs_a_completion_two_seconds_at_most_and_the_list_arrives_later()
    {
        Ok("[System.Net.Http.HttpClient]::new().PostAsync(\"$BaseUrl/__fake/settings\", [System.Net.Http.StringContent]::new('{\"latencyMs\":4000}')).Result.EnsureSuccessStatusCode() | Out-Null");
        var watch = Stopwatch.StartNew();
        var first = Ok(Complete("Add-MauticSegmentMember -Segment "));
        Assert.Empty(first.Output);
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 3.5);
        Thread.Sleep(3000);
        watch.Restart();
        var later = Ok(Complete("Add-MauticSegmentMember -Segment "));
        Assert.Equal(3, later.Output.Count);
        Assert.True(watch.Elapsed.TotalSeconds < 1.5, $"took {watch.Elapsed}");
    }
}
