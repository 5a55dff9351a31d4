using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// Every alias of every parameter, run; pipeline binding by value and by property name. CoverageTests fails when an
/// exported cmdlet has a parameter alias that <see cref="Aliases"/> does not run.
/// </summary>
public sealed class BindingTests : PsTest
{
    public BindingTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    /// <summary>cmdlet, parameter, alias, a script using the alias, the path of the request it must send.</summary>
    /// <summary>The Path of a row whose cmdlet sends no request (the webhook intake): its script writes $true when the alias bound.</summary>
    const string NoRequest = "";

    public static readonly (string Cmdlet, string Parameter, string Alias, string Script, string Path)[] AliasRows =
    [
        ("ConvertFrom-MauticWebhook", "InputObject", "Body", CmdletCases.LoadFixture() + "(ConvertFrom-MauticWebhook -Body $Fixture.posts[0].Body).Trigger -eq 'mautic.lead_post_save_new'", NoRequest),
        ("ConvertFrom-MauticWebhook", "InputObject", "WebhookData", CmdletCases.LoadFixture() + "(ConvertFrom-MauticWebhook -WebhookData ([pscustomobject]@{ RequestBody = $Fixture.posts[0].Body; RequestHeader = $Fixture.posts[0].Headers }) -Secret $Fixture.secret).Trigger -eq 'mautic.lead_post_save_new'", NoRequest),
        ("ConvertFrom-MauticWebhook", "InputObject", "Request", CmdletCases.LoadFixture() + "(ConvertFrom-MauticWebhook -Request $Fixture.posts[0] -Secret $Fixture.secret).Trigger -eq 'mautic.lead_post_save_new'", NoRequest),
        ("Test-MauticWebhookSignature", "Body", "RequestBody", CmdletCases.LoadFixture() + "Test-MauticWebhookSignature $Fixture.secret -RequestBody $Fixture.posts[0].Body -Signature $Fixture.posts[0].Headers.'Webhook-Signature'", NoRequest),
        ("Test-MauticWebhookSignature", "Body", "RawBody", CmdletCases.LoadFixture() + "[pscustomobject]@{ RawBody = $Fixture.posts[1].Body; 'Webhook-Signature' = $Fixture.posts[1].Headers.'Webhook-Signature' } | Test-MauticWebhookSignature $Fixture.secret", NoRequest),
        ("Test-MauticWebhookSignature", "Signature", "Webhook-Signature", CmdletCases.LoadFixture() + "Test-MauticWebhookSignature $Fixture.secret $Fixture.posts[2].Body -Webhook-Signature $Fixture.posts[2].Headers.'Webhook-Signature'", NoRequest),
        ("Connect-Mautic", "BaseUrl", "Url", "Connect-Mautic -Url $BaseUrl -Credential $Cred", "/api/users/self"),
        ("Connect-Mautic", "BaseUrl", "Uri", "Connect-Mautic -Uri $BaseUrl -Credential $Cred", "/api/users/self"),
        ("Test-MauticConnection", "Url", "BaseUrl", "Test-MauticConnection -BaseUrl $BaseUrl -Credential $Cred", "/api/users/self"),
        ("Test-MauticConnection", "Url", "Uri", "Test-MauticConnection -Uri $BaseUrl -Credential $Cred", "/api/users/self"),
        ("Get-MauticStat", "Table", "Name", "Get-MauticStat -Name email_stats", "/api/stats/email_stats"),
        ("Get-MauticContact", "Id", "ContactId", "Get-MauticContact -ContactId 1", "/api/contacts/1"),
        ("Get-MauticProject", "Id", "ProjectId", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pa; [pscustomobject]@{ ProjectId = $p.id } | Get-MauticProject", "/api/v2/projects/1"),
        ("Set-MauticProject", "Id", "ProjectId", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pa; Set-MauticProject -ProjectId $p.id -Name pb", "/api/v2/projects/1"),
        ("Remove-MauticProject", "Id", "ProjectId", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pa; Remove-MauticProject -ProjectId $p.id -Force", "/api/v2/projects/1"),
        ("New-MauticProject", "Property", "Properties", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; [pscustomobject]@{ Name = 'pa'; Properties = @{ k = 1 } } | New-MauticProject", "/api/v2/projects"),
        ("Set-MauticProject", "Property", "Properties", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pa; Set-MauticProject $p.id -Properties @('x')", "/api/v2/projects/1"),
        ("Add-MauticProjectMember", "Project", "ProjectId", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pm1; Get-MauticSegment -Id 1 | Add-MauticProjectMember -ProjectId $p.id", "/api/segments/1/edit"),
        ("Add-MauticProjectMember", "Project", "ProjectName", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $null = New-MauticProject -Name pm2; Get-MauticSegment -Id 1 | Add-MauticProjectMember -ProjectName pm2", "/api/segments/1/edit"),
        ("Remove-MauticProjectMember", "Project", "ProjectId", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $p = New-MauticProject -Name pm3; Get-MauticSegment -Id 1 | Add-MauticProjectMember $p; Get-MauticSegment -Id 1 | Remove-MauticProjectMember -ProjectId $p.id", "/api/segments/1/edit"),
        ("Remove-MauticProjectMember", "Project", "ProjectName", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $null = New-MauticProject -Name pm4; Get-MauticSegment -Id 1 | Add-MauticProjectMember pm4; Get-MauticSegment -Id 1 | Remove-MauticProjectMember -ProjectName pm4", "/api/segments/1/edit"),
        ("Get-MauticReportData", "Id", "ReportId", "$r = New-MauticReport -Name byalias -Source leads; [pscustomobject]@{ ReportId = $r.id } | Get-MauticReportData -First 1", "/api/reports/"),
        ("New-MauticContact", "Property", "Fields", "New-MauticContact -Fields @{ email = 'al@example.com' }", "/api/contacts/new"),
        ("New-MauticContact", "Tag", "Tags", "New-MauticContact -Email al@example.com -Tags x", "/api/contacts/new"),
        ("Set-MauticContact", "Id", "ContactId", "Set-MauticContact -ContactId 1 -FirstName A", "/api/contacts/1/edit"),
        ("Set-MauticContact", "Property", "Fields", "Set-MauticContact 1 -Fields @{ city = 'Nice' }", "/api/contacts/1/edit"),
        ("Remove-MauticContact", "Id", "ContactId", "Remove-MauticContact -ContactId 1 -Force", "/api/contacts/1/delete"),
        ("Get-MauticContactSegment", "Id", "ContactId", "Get-MauticContactSegment -ContactId 1", "/api/contacts/1/segments"),
        ("Get-MauticContactNote", "Id", "ContactId", "Get-MauticContactNote -ContactId 1", "/api/contacts/1/notes"),
        ("Get-MauticContactCategory", "Id", "ContactId", "Get-MauticContactCategory -ContactId 1", "/api/stats/lead_categories"),
        ("Add-MauticContactCategory", "ContactId", "Id", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $c = New-MauticCategory -Name b6 -Property @{ bundle = 'global' }; Add-MauticContactCategory -Category $c -Id 1", "/api/v2/contactcategories"),
        ("Remove-MauticContactCategory", "ContactId", "Id", "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; $c = New-MauticCategory -Name b7 -Property @{ bundle = 'global' }; Add-MauticContactCategory $c 1; Remove-MauticContactCategory -Category $c -Id 1 -Force", "/api/v2/contactcategories/1"),
        ("Get-MauticSegment", "Id", "SegmentId", "Get-MauticSegment -SegmentId 1", "/api/segments/1"),
        ("Add-MauticSegmentMember", "ContactId", "Id", "Add-MauticSegmentMember -SegmentId 1 -Id 1", "/api/segments/1/contact/1/add"),
        ("Remove-MauticSegmentMember", "ContactId", "Id", "Remove-MauticSegmentMember -SegmentId 1 -Id 1", "/api/segments/1/contact/1/remove"),
        ("Send-MauticEmail", "ContactId", "Id", "Send-MauticEmail -EmailId 2 -Id 1", "/api/emails/2/contact/1/send"),
        ("Send-MauticSms", "ContactId", "Id", RouteCases.EnableSmsTransport + "Set-MauticContact -Id 1 -Property @{ mobile = '+15550100' }; $s = New-MauticSms -Name b-sms; Send-MauticSms -SmsId $s.id -Id 1", "/api/smses/"),
        ("Add-MauticCompanyMember", "ContactId", "Id", "$c = New-MauticCompany -Name 'b1'; Add-MauticCompanyMember -CompanyId $c.id -Id 1", "/api/companies/1/contact/1/add"),
        ("Remove-MauticCompanyMember", "ContactId", "Id", "$c = New-MauticCompany -Name 'b2'; Remove-MauticCompanyMember -CompanyId $c.id -Id 1", "/api/companies/1/contact/1/remove"),
        ("Set-MauticContactStage", "ContactId", "Id", "$s = New-MauticStage -Name 'b3'; Set-MauticContactStage -StageId $s.id -Id 1", "/api/stages/1/contact/1/add"),
        ("Add-MauticCampaignMember", "ContactId", "Id", "$c = New-MauticCampaign -Name 'b4'; Add-MauticCampaignMember -CampaignId $c.id -Id 1", "/api/campaigns/1/contact/1/add"),
        ("Remove-MauticCampaignMember", "ContactId", "Id", "$c = New-MauticCampaign -Name 'b5'; Remove-MauticCampaignMember -CampaignId $c.id -Id 1", "/api/campaigns/1/contact/1/remove"),
        ("Get-MauticSegmentMember", "Segment", "Id", "Get-MauticSegmentMember -Id 2", "/api/segments/2"),
        ("Get-MauticSegmentMember", "Segment", "SegmentId", "Get-MauticSegmentMember -SegmentId 2", "/api/segments/2"),
        ("Get-MauticSegmentMember", "Segment", "SegmentName", "[pscustomobject]@{ SegmentName = 'customers' } | Get-MauticSegmentMember", "/api/segments/2"),
        ("Get-MauticCompanyMember", "Company", "Id", "$c = New-MauticCompany -Name 'gb1'; Get-MauticCompanyMember -Id $c.id", "/api/contacts"),
        ("Get-MauticCompanyMember", "Company", "CompanyId", "$c = New-MauticCompany -Name 'gb2'; Get-MauticCompanyMember -CompanyId $c.id", "/api/contacts"),
        ("Get-MauticCompanyMember", "Company", "CompanyName", "$c = New-MauticCompany -Name 'gb3'; Get-MauticCompanyMember -CompanyName 'gb3'", "/api/contacts"),
        ("Get-MauticStageMember", "Stage", "Id", "$s = New-MauticStage -Name 'gb4'; Get-MauticStageMember -Id $s.id", "/api/contacts"),
        ("Get-MauticStageMember", "Stage", "StageId", "$s = New-MauticStage -Name 'gb5'; Get-MauticStageMember -StageId $s.id", "/api/contacts"),
        ("Get-MauticStageMember", "Stage", "StageName", "$s = New-MauticStage -Name 'gb6'; Get-MauticStageMember -StageName 'gb6'", "/api/contacts"),
        ("Get-MauticTagMember", "Tag", "Id", "$t = New-MauticTag -Name 'gt4'; Get-MauticTagMember -Id $t.id", "/api/contacts"),
        ("Get-MauticTagMember", "Tag", "TagId", "$t = New-MauticTag -Name 'gt5'; Get-MauticTagMember -TagId $t.id", "/api/contacts"),
        ("Get-MauticTagMember", "Tag", "TagName", "$t = New-MauticTag -Name 'gt6'; Get-MauticTagMember -TagName 'gt6'", "/api/contacts"),
        ("Get-MauticCampaignMember", "Campaign", "Id", "$c = New-MauticCampaign -Name 'b6'; Get-MauticCampaignMember -Id $c.id", "/api/campaigns/1/contacts"),
        ("Copy-MauticCampaign", "Campaign", "Id", "$c = New-MauticCampaign -Name 'b7'; Copy-MauticCampaign -Id $c.id", "/api/campaigns/clone/1"),
        // A reference to another area's record: the old -XId and -XName names are aliases of the one -X parameter.
        ("Add-MauticSegmentMember", "Segment", "SegmentId", "Add-MauticSegmentMember -SegmentId 1 -ContactId 1", "/api/segments/1/contact/1/add"),
        ("Add-MauticSegmentMember", "Segment", "SegmentName", "$s = New-MauticSegment -Name 'ra1'; Add-MauticSegmentMember -SegmentName 'RA1' -ContactId 1", "/api/segments/4/contact/1/add"),
        ("Remove-MauticSegmentMember", "Segment", "SegmentId", "Remove-MauticSegmentMember -SegmentId 1 -ContactId 1", "/api/segments/1/contact/1/remove"),
        ("Remove-MauticSegmentMember", "Segment", "SegmentName", "$s = New-MauticSegment -Name 'ra2'; Remove-MauticSegmentMember -SegmentName 'ra2' -ContactId 1", "/api/segments/4/contact/1/remove"),
        ("Add-MauticCompanyMember", "Company", "CompanyId", "$c = New-MauticCompany -Name 'ra3'; Add-MauticCompanyMember -CompanyId $c.id -ContactId 1", "/api/companies/1/contact/1/add"),
        ("Add-MauticCompanyMember", "Company", "CompanyName", "$c = New-MauticCompany -Name 'ra4'; Add-MauticCompanyMember -CompanyName 'RA4' -ContactId 1", "/api/companies/1/contact/1/add"),
        ("Remove-MauticCompanyMember", "Company", "CompanyId", "$c = New-MauticCompany -Name 'ra5'; Remove-MauticCompanyMember -CompanyId $c.id -ContactId 1", "/api/companies/1/contact/1/remove"),
        ("Remove-MauticCompanyMember", "Company", "CompanyName", "$c = New-MauticCompany -Name 'ra6'; Remove-MauticCompanyMember -CompanyName 'ra6' -ContactId 1", "/api/companies/1/contact/1/remove"),
        ("Set-MauticContactStage", "Stage", "StageId", "$s = New-MauticStage -Name 'ra7'; Set-MauticContactStage -StageId $s.id -ContactId 1", "/api/stages/1/contact/1/add"),
        ("Set-MauticContactStage", "Stage", "StageName", "$s = New-MauticStage -Name 'ra8'; Set-MauticContactStage -StageName 'ra8' -ContactId 1", "/api/stages/1/contact/1/add"),
        ("Add-MauticCampaignMember", "Campaign", "CampaignId", "$c = New-MauticCampaign -Name 'ra9'; Add-MauticCampaignMember -CampaignId $c.id -ContactId 1", "/api/campaigns/1/contact/1/add"),
        ("Add-MauticCampaignMember", "Campaign", "CampaignName", "$c = New-MauticCampaign -Name 'ra10'; Add-MauticCampaignMember -CampaignName 'ra10' -ContactId 1", "/api/campaigns/1/contact/1/add"),
        ("Remove-MauticCampaignMember", "Campaign", "CampaignId", "$c = New-MauticCampaign -Name 'ra11'; Remove-MauticCampaignMember -CampaignId $c.id -ContactId 1", "/api/campaigns/1/contact/1/remove"),
        ("Remove-MauticCampaignMember", "Campaign", "CampaignName", "$c = New-MauticCampaign -Name 'ra12'; Remove-MauticCampaignMember -CampaignName 'ra12' -ContactId 1", "/api/campaigns/1/contact/1/remove"),
        ("Get-MauticCampaignMember", "Campaign", "CampaignId", "$c = New-MauticCampaign -Name 'ra13'; Get-MauticCampaignMember -CampaignId $c.id", "/api/campaigns/1/contacts"),
        ("Get-MauticCampaignMember", "Campaign", "CampaignName", "$c = New-MauticCampaign -Name 'ra14'; [pscustomobject]@{ CampaignName = 'ra14' } | Get-MauticCampaignMember", "/api/campaigns/1/contacts"),
        ("Copy-MauticCampaign", "Campaign", "CampaignId", "$c = New-MauticCampaign -Name 'ra15'; [pscustomobject]@{ CampaignId = $c.id } | Copy-MauticCampaign", "/api/campaigns/clone/1"),
        ("Copy-MauticCampaign", "Campaign", "CampaignName", "$c = New-MauticCampaign -Name 'ra16'; Copy-MauticCampaign -CampaignName 'ra16'", "/api/campaigns/clone/1"),
        ("Get-MauticCampaignContactEvent", "Campaign", "CampaignId", "$c = New-MauticCampaign -Name 'ra17'; Add-MauticCampaignMember $c.id 1; Get-MauticCampaignContactEvent 1 -CampaignId $c.id", "/api/campaigns/1/events/contact/1"),
        ("Get-MauticCampaignContactEvent", "Campaign", "CampaignName", "$c = New-MauticCampaign -Name 'ra18'; Add-MauticCampaignMember $c.id 1; Get-MauticCampaignContactEvent 1 -CampaignName 'RA18'", "/api/campaigns/1/events/contact/1"),
        ("Send-MauticSms", "Sms", "SmsId", RouteCases.EnableSmsTransport + "Set-MauticContact -Id 1 -Property @{ mobile = '+15550100' }; $s = New-MauticSms -Name ra19; Send-MauticSms -SmsId $s.id -ContactId 1", "/api/smses/"),
        ("Send-MauticSms", "Sms", "SmsName", RouteCases.EnableSmsTransport + "Set-MauticContact -Id 1 -Property @{ mobile = '+15550100' }; $s = New-MauticSms -Name ra20; Send-MauticSms -SmsName ra20 -ContactId 1", "/api/smses/"),
        ("Send-MauticEmail", "Email", "EmailId", "Send-MauticEmail -EmailId 2 -ContactId 1", "/api/emails/2/contact/1/send"),
        ("Send-MauticEmail", "Email", "EmailName", "Send-MauticEmail -EmailName 'welcome' -ContactId 1", "/api/emails/2/contact/1/send"),
        ("Get-MauticContactCampaign", "Id", "ContactId", "Get-MauticContactCampaign -ContactId 1", "/api/contacts/1/campaigns"),
        ("Get-MauticCampaignContactEvent", "Id", "ContactId", "Get-MauticCampaignContactEvent -ContactId 1", "/api/campaigns/events/contact/1"),
        ("Set-MauticCampaignContactEvent", "EventId", "Id", "$c = New-MauticCampaign -Name 'b8'; Add-MauticCampaignMember $c.id 1; Set-MauticCampaignContactEvent -Id $c.events[0].id -ContactId 1 -TriggerDate '2030-01-02'", "/api/campaigns/events/1/contact/1/edit"),
        ("Add-MauticContactDoNotContact", "Id", "ContactId", "Add-MauticContactDoNotContact -ContactId 1", "/api/contacts/1/dnc/email/add"),
        ("Remove-MauticContactDoNotContact", "Id", "ContactId", "Remove-MauticContactDoNotContact -ContactId 1 -Channel sms -Force", "/api/contacts/1/dnc/sms/remove"),
        ("Add-MauticContactUtm", "Id", "ContactId", "Add-MauticContactUtm -ContactId 1 -Source s", "/api/contacts/1/utm/add"),
        ("Add-MauticContactUtm", "Campaign", "utm_campaign", "Add-MauticContactUtm 1 -utm_campaign c", "/api/contacts/1/utm/add"),
        ("Add-MauticContactUtm", "Source", "utm_source", "[pscustomobject]@{ Id = 1; utm_source = 's' } | Add-MauticContactUtm", "/api/contacts/1/utm/add"),
        ("Add-MauticContactUtm", "Medium", "utm_medium", "Add-MauticContactUtm 1 -utm_medium m", "/api/contacts/1/utm/add"),
        ("Add-MauticContactUtm", "Content", "utm_content", "Add-MauticContactUtm 1 -utm_content c", "/api/contacts/1/utm/add"),
        ("Add-MauticContactUtm", "Term", "utm_term", "Add-MauticContactUtm 1 -utm_term t", "/api/contacts/1/utm/add"),
        ("Add-MauticContactPoint", "Id", "ContactId", "Add-MauticContactPoint -ContactId 1 -Points 2", "/api/contacts/1/points/plus/2"),
        ("Set-MauticContactPoint", "Id", "ContactId", "Set-MauticContactPoint -ContactId 1 -Points 2", "/api/contacts/1/edit"),
        ("Get-MauticContactPointGroup", "Id", "ContactId", "Get-MauticContactPointGroup -ContactId 1", "/api/contacts/1/points/groups"),
        ("Get-MauticContactDevice", "Id", "ContactId", "Get-MauticContactDevice -ContactId 1", "/api/contacts/1/devices"),
        ("Get-MauticContactCompany", "Id", "ContactId", "Get-MauticContactCompany -ContactId 1", "/api/contacts/1/companies"),
        ("Get-MauticContactActivity", "Id", "ContactId", "Get-MauticContactActivity -ContactId 1", "/api/contacts/1/activity"),
        ("Export-MauticContact", "Segment", "SegmentId", "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n') + '.csv'); Export-MauticContact $p email -SegmentId 1; [System.IO.File]::Delete($p)", "/api/segments/1"),
        ("Export-MauticContact", "NoClobber", "NoOverwrite", "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n') + '.csv'); Export-MauticContact $p email -NoOverwrite; Export-MauticContact $p email -NoOverwrite -ErrorAction Ignore; [System.IO.File]::Delete($p)", "/api/contacts"),
        ("Import-MauticContact", "LiteralPath", "PSPath", "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n') + '.csv'); [System.IO.File]::WriteAllText($p, \"email`nb-imp@example.com`n\"); Import-MauticContact -PSPath $p; [System.IO.File]::Delete($p)", "/api/contacts/new"),
        ("New-MauticUser", "Property", "Fields", "New-MauticUser -UserName b4 -Email b4@example.com -FirstName B -LastName U -Password ([System.Net.NetworkCredential]::new('', 'B4-pass!word').SecurePassword) -Fields @{ role = 1 }", "/api/users/new"),
        ("Set-MauticUser", "Property", "Fields", "Set-MauticUser -Id 1 -Fields @{ position = 'x' }", "/api/users/1/edit"),
        ("Test-MauticUserPermission", "Id", "UserId", "Test-MauticUserPermission -UserId 1 -Permission lead:leads:view", "/api/users/1/permissioncheck"),
        ("New-MauticAsset", "File", "FileName", "[pscustomobject]@{ title = 'b6'; FileName = 'http://127.0.0.1/b6.pdf' } | New-MauticAsset", "/api/assets/new"),
        ("Set-MauticAsset", "File", "FileName", "$a = New-MauticAsset -Title b7 -File http://127.0.0.1/b7.pdf; Set-MauticAsset -Id $a.id -FileName http://127.0.0.1/b7b.pdf", "/api/assets/1/edit"),
        ("Get-MauticEmailActivity", "ContactId", "Id", "Get-MauticEmailActivity -Id 1 -Kind Bounced", "/api/stats/lead_donotcontact"),
        ("Get-MauticEmailActivity", "Email", "EmailId", "Get-MauticEmailActivity -EmailId 2 -Kind Clicked", "/api/stats/page_hits"),
        ("Get-MauticEmailActivity", "Email", "EmailName", "Get-MauticEmailActivity -EmailName 'welcome' -Kind Clicked", "/api/stats/page_hits"),
        ("Send-MauticEmailReply", "TrackingHash", "tracking_hash", "Send-MauticEmailReply -tracking_hash nosuchhash -ErrorAction Ignore", "/api/emails/reply/nosuchhash"),
        ("Remove-MauticPointTriggerEvent", "EventId", "Id", "$t = New-MauticPointTrigger -Name b5 -Property @{ points = 1; triggerExistingLeads = $false }; Remove-MauticPointTriggerEvent -TriggerId $t.id -Id 1 -Force -ErrorAction Ignore", "/api/points/triggers/1/events/delete"),
        ("Export-MauticCampaign", "Id", "CampaignId", RouteCases.Fake7 + "$c = New-MauticCampaign -Name bexp; $d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n')); [void][System.IO.Directory]::CreateDirectory($d); Export-MauticCampaign -CampaignId $c.id -Path $d; [System.IO.Directory]::Delete($d, $true)", "/api/campaigns/export/"),
        ("Import-MauticCampaign", "LiteralPath", "PSPath", RouteCases.Fake7 + "$c = New-MauticCampaign -Name bimp; $d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n')); [void][System.IO.Directory]::CreateDirectory($d); $f = Export-MauticCampaign $c.id -Path $d -PassThru; Import-MauticCampaign -PSPath $f.FullName | Out-Null; [System.IO.Directory]::Delete($d, $true)", "/api/campaigns/import"),
        ("Add-MauticFile", "LiteralPath", "PSPath", "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n') + '.txt'); [System.IO.File]::WriteAllText($p, 'b'); Add-MauticFile -Directory media -PSPath $p; [System.IO.File]::Delete($p)", "/api/files/media/new"),
        ("Remove-MauticFile", "Name", "File", "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n') + '.txt'); [System.IO.File]::WriteAllText($p, 'b'); $f = Add-MauticFile -Directory images -Path $p; Remove-MauticFile -Directory images -File $f.File -Force; [System.IO.File]::Delete($p)", "/api/files/images/"),
        ("Get-MauticFormSubmission", "FormId", "Id", "$f = New-MauticForm -Name b6; Get-MauticFormSubmission -Id $f.id", "/api/forms/1/submissions"),
        ("Remove-MauticFormField", "FieldId", "Id", "$f = New-MauticForm -Name b7 -Field @{ label = 'A'; type = 'text' }; Remove-MauticFormField -FormId $f.id -Id $f.fields[0].id -Force", "/api/forms/1/fields/delete"),
        ("Add-MauticTheme", "LiteralPath", "PSPath", "$d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'b-' + [guid]::NewGuid().ToString('n')); [void][System.IO.Directory]::CreateDirectory($d); $z = Save-MauticTheme blank -Path $d; Add-MauticTheme -PSPath $z.FullName -Name balias; [System.IO.Directory]::Delete($d, $true)", "/api/themes/new"), ("Remove-MauticFormAction", "ActionId", "Id", "$f = New-MauticForm -Name b8 -Action @{ name = 'P'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 1 } }; Remove-MauticFormAction -FormId $f.id -Id $f.actions[0].id -Force", "/api/forms/1/actions/delete"),
        // Names you see are names you type: a column's name is an alias of the parameter that sets it (the name and
        // description fields, generated from the resource table; an area parameter's column).
        ("New-MauticCategory", "Name", "title", "New-MauticCategory -title bv1 -Bundle global", "/api/categories/new"),
        ("Set-MauticCategory", "Name", "title", "$c = New-MauticCategory -Name bv2 -Bundle global; Set-MauticCategory $c.id -title bv3", "/api/categories/"),
        ("New-MauticCompany", "Name", "companyname", "New-MauticCompany -companyname bv4", "/api/companies/new"),
        ("New-MauticCompany", "Description", "companydescription", "New-MauticCompany -Name bv5 -companydescription d", "/api/companies/new"),
        ("Set-MauticCompany", "Name", "companyname", "$c = New-MauticCompany -Name bv6; Set-MauticCompany $c.id -companyname bv7", "/api/companies/"),
        ("Set-MauticCompany", "Description", "companydescription", "$c = New-MauticCompany -Name bv8; Set-MauticCompany $c.id -companydescription d", "/api/companies/"),
        ("New-MauticDevice", "ContactId", "lead", "New-MauticDevice -lead 1 -Device desktop", "/api/devices/new"),
        ("Set-MauticDevice", "ContactId", "lead", "$d = New-MauticDevice -ContactId 1 -Device desktop; Set-MauticDevice $d.id -lead 1", "/api/devices/"),
        ("New-MauticMessage", "Channel", "Channels", "New-MauticMessage -Name bv9 -Channels @{ email = 2 }", "/api/messages/new"),
        ("Set-MauticMessage", "Channel", "Channels", "$m = New-MauticMessage -Name bv10; Set-MauticMessage $m.id -Channels @{ email = 2 }", "/api/messages/"),
        ("New-MauticNote", "ContactId", "lead", "New-MauticNote -lead 1 -Text bv11", "/api/notes/new"),
        ("New-MauticPage", "Description", "metaDescription", "New-MauticPage -Title bv12 -metaDescription d", "/api/pages/new"),
        ("Set-MauticPage", "Description", "metaDescription", "$p = New-MauticPage -Title bv13; Set-MauticPage $p.id -metaDescription d", "/api/pages/"),
        ("New-MauticReport", "Column", "Columns", "New-MauticReport -Name bv14 -Source leads -Columns l.id", "/api/reports/new"),
        ("Set-MauticReport", "Column", "Columns", "$r = New-MauticReport -Name bv15 -Source leads; Set-MauticReport $r.id -Columns l.id", "/api/reports/"),
        ("New-MauticTag", "Name", "tag", "New-MauticTag -tag bv16", "/api/tags/new"),
        ("Set-MauticTag", "Name", "tag", "$t = New-MauticTag -Name bv17; Set-MauticTag $t.id -tag bv18", "/api/tags/"),
        ("New-MauticUser", "Description", "position", "New-MauticUser -UserName bv19 -Email bv19@example.com -FirstName B -LastName U -Password ([System.Net.NetworkCredential]::new('', 'B4-pass!word').SecurePassword) -Fields @{ role = 1 } -position p", "/api/users/new"),
        ("Set-MauticUser", "Name", "username", "$u = New-MauticUser -UserName bv20 -Email bv20@example.com -FirstName B -LastName U -Password ([System.Net.NetworkCredential]::new('', 'B4-pass!word').SecurePassword) -Fields @{ role = 1 }; Set-MauticUser $u.id -username bv21", "/api/users/"),
        ("Set-MauticUser", "Description", "position", "Set-MauticUser -Id 1 -position p", "/api/users/1/edit"),
        ("New-MauticWebhook", "Trigger", "Triggers", "New-MauticWebhook -Name bv22 -WebhookUrl https://hook.example/in -Triggers mautic.lead_post_save_new", "/api/hooks/new"),
        ("Set-MauticWebhook", "Trigger", "Triggers", "$w = New-MauticWebhook -Name bv23 -WebhookUrl https://hook.example/in -Trigger mautic.lead_post_save_new; Set-MauticWebhook $w.id -Triggers mautic.lead_post_delete", "/api/hooks/"),
        ("Set-MauticContact", "AddTag", "Tags", "Set-MauticContact 1 -Tags bv24", "/api/contacts/1/edit"),
    ];

    /// <summary>The generic cmdlets' aliases, for every area.</summary>
    public static readonly (string Cmdlet, string Parameter, string Alias, string Script, string Path)[] AreaAliasRows =
        // Forms have no -Fields alias: beside -Field, the form's own fields, it would make -Field an abbreviation of it (NewMauticForm).
        EntityAreaTests.Areas.Where(a => a.Noun != "Form").SelectMany(a => new[]
        {
            ($"New-Mautic{a.Noun}", "Property", "Fields", $"New-Mautic{a.Noun} -Fields (@{{ {a.NameField} = 'alias-{a.Noun}' }} + {a.Required})", $"/api/{a.Route}/new"),
            ($"Set-Mautic{a.Noun}", "Property", "Fields", $"New-Mautic{a.Noun} -Name 'a-{a.Noun}' | Set-Mautic{a.Noun} -Fields @{{ {a.NameField} = 'b-{a.Noun}' }}", $"/api/{a.Route}/"),
        }).ToArray();

    /// <summary>Sync-Mautic*Member: the same four aliases on each of the four, each run against a target made for it.</summary>
    public static readonly (string Cmdlet, string Parameter, string Alias, string Script, string Path)[] SyncMemberAliasRows =
        new[] { ("Segment", "New-MauticSegment"), ("Campaign", "New-MauticCampaign"), ("Company", "New-MauticCompany"), ("Tag", "New-MauticTag") }
        .SelectMany(k =>
        {
            var (noun, make) = k;
            var cmdlet = $"Sync-Mautic{noun}Member";
            var target = $"$t = {make} -Name 'sb1'; ";
            return new[]
            {
                (cmdlet, noun, noun + "Id", target + $"({cmdlet} -{noun}Id $t.id -Contact 1).Action -eq 'Added'", NoRequest),
                (cmdlet, noun, noun + "Name", target + $"({cmdlet} -{noun}Name 'sb1' -Contact 1).Action -eq 'Added'", NoRequest),
                (cmdlet, "Contact", "ContactId", target + $"({cmdlet} $t -ContactId 1).Action -eq 'Added'", NoRequest),
                (cmdlet, "Contact", "Email", target + $"({cmdlet} $t -Email a1@example.com).Action -eq 'Added'", NoRequest),
            };
        }).ToArray();

    static IEnumerable<(string Cmdlet, string Parameter, string Alias, string Script, string Path)> AllAliasRows => AliasRows.Concat(AreaAliasRows).Concat(SyncMemberAliasRows);

    public static IEnumerable<object[]> Aliases => AllAliasRows.Select((r, i) => new object[] { r.Cmdlet + " -" + r.Alias, i });

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Every_alias_binds(string name, int row)
    {
        var a = AllAliasRows.ElementAt(row);
        var r = Ok(a.Script);
        if (a.Path == NoRequest) Assert.True(r.Output.Count > 0 && r.Output.All(o => o.BaseObject is true), a.Script);   // a cmdlet that talks to no server: the script says it bound
        else Assert.Contains(r.Requests, q => a.Path.EndsWith('/') ? q.Path.StartsWith(a.Path) && q.Method != "POST" : q.Path == a.Path);
        Assert.False(string.IsNullOrEmpty(name));
    }

    /// <summary>Each id-taking cmdlet: plain ids by value, strings that are ids, and rows with an id column.</summary>
    public static TheoryData<string, string> IdPipelines => new()
    {
        { "1, 2 | Get-MauticContact", "/api/contacts" },
        { "'1', '2' | Get-MauticContact", "/api/contacts" },
        { "1, 2 | Get-MauticContactSegment", "/api/contacts/" },
        { "1, 2 | Get-MauticContactNote", "/api/contacts/" },
        { "1, 2 | Get-MauticSegment", "/api/segments/" },
        { "1, 2 | Remove-MauticContact -Force", "/api/contacts/batch/delete" },
        { "1, 2 | Add-MauticSegmentMember -SegmentId 2", "/api/segments/2/contacts/add" },
        { "1, 2 | Remove-MauticSegmentMember -SegmentId 2", "/api/segments/2/contact/" },
        { "1, 2 | Send-MauticEmail -EmailId 2", "/api/emails/2/contact/" },
        { "[pscustomobject]@{ ContactId = 1 }, [pscustomobject]@{ ContactId = 2 } | Send-MauticEmail -EmailId 2", "/api/emails/2/contact/" },
        { "[pscustomobject]@{ Id = 1; Email = 'x' }, [pscustomobject]@{ Id = 2 } | Add-MauticSegmentMember -SegmentId 2", "/api/segments/2/contacts/add" },
        { "Get-MauticContact -First 2 | Remove-MauticSegmentMember -SegmentId 2", "/api/segments/2/contact/" },
        { "1, 2 | Add-MauticContactPoint -Points 1", "/api/contacts/" },
        { "[pscustomobject]@{ ContactId = 1 }, [pscustomobject]@{ ContactId = 2 } | Get-MauticContactActivity", "/api/contacts/" },
        { "1, 2 | Get-MauticEmailActivity -Kind Sent", "/api/stats/email_stats" },
        { "[pscustomobject]@{ ContactId = 1 }, [pscustomobject]@{ ContactId = 2 } | Get-MauticEmailActivity -Kind Sent", "/api/stats/email_stats" },
        { "Get-MauticContact -First 2 | Add-MauticContactDoNotContact", "/api/contacts/" },
    };

    [Theory]
    [MemberData(nameof(IdPipelines))]
    public void Ids_bind_from_the_pipeline_by_value_and_by_property_name(string script, string path)
    {
        lock (State.Sync) { State.Segments[2].Members.Add(1); State.Segments[2].Members.Add(2); }
        var r = Ok(script);
        var hits = r.Requests.Where(q => q.Path.StartsWith(path) && !q.Path.EndsWith("/3")).ToList();
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(r.Requests, q => q.Path.Contains("/3/") || q.Path.EndsWith("/3"));
    }

    [Fact]
    public void A_value_that_is_not_an_id_is_a_binding_error_naming_it()
    {
        var r = Run("'abc' | Get-MauticContactSegment");
        var e = r.AllErrors.Single();
        Assert.Equal("abc", PsResult.Unwrap(e.TargetObject));
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Empty(r.Api);
    }

    [Fact]
    public void A_zero_or_negative_id_is_refused_before_any_request()
    {
        var r = Run("Get-MauticContact -Id 0");
        Assert.Contains("0", r.AllErrors.Single().ToString());
        Assert.Empty(r.Api);
    }

    /// <summary>A module object of another kind must not lend its id: a segment's id is no contact id.</summary>
    public static TheoryData<string> WrongKinds => new()
    {
        "Get-MauticSegment -Id 2 | Remove-MauticContact -Force",
        "Get-MauticSegment -Id 2 | Get-MauticContact",
        "Get-MauticSegment -Id 2 | Get-MauticContactSegment",
        "Get-MauticSegment -Id 2 | Get-MauticContactNote",
        "Get-MauticSegment -Id 2 | New-MauticNote -Text x",
        "Get-MauticSegment -Id 2 | Set-MauticContact -FirstName X",
        "Get-MauticSegment -Id 2 | Add-MauticSegmentMember -SegmentId 1",
        "Get-MauticSegment -Id 2 | Remove-MauticSegmentMember -SegmentId 1",
        "Get-MauticSegment -Id 2 | Send-MauticEmail -EmailId 2",
        "Get-MauticContact -Id 2 | Get-MauticSegment",
        // As they come back from Receive-Job or Import-Clixml:
        "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-MauticSegment -Id 2))) | Remove-MauticContact -Force",
        "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-MauticContact -Id 2))) | Get-MauticSegment",
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public void A_Mautic_object_of_another_kind_is_refused_instead_of_lending_its_id(string script)
    {
        lock (State.Sync) State.Segments[1].Members.Add(2);
        var r = Run(script);
        var e = Assert.Single(r.AllErrors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("was piped in", e.Exception.Message);
        Assert.Equal(2L, ((PSObject)e.TargetObject).Properties["id"].Value);
        Assert.Empty(r.Mutating);
        Assert.Single(r.Api);                             // only the lookup that produced the object
        Assert.True(State.Contacts.ContainsKey(2));
    }

    [Fact]
    public void A_deserialized_contact_names_the_contact_and_is_not_sent_back_as_values()
    {
        var r = Ok("[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-MauticContact -Id 1))) | Set-MauticContact -FirstName Changed");
        var patch = r.Requests.Single(q => q.Method is "PATCH" or "PUT");
        Assert.Equal("/api/contacts/1/edit", patch.Path);
        Assert.Equal("{\"firstname\":\"Changed\"}", patch.Body);
    }

    [Fact]
    public void Contact_objects_from_the_module_feed_membership_email_and_segment_lookups()
    {
        var r = Ok("Get-MauticContact -First 2 | Add-MauticSegmentMember -SegmentId 3 -PassThru | Get-MauticContactSegment");
        Assert.Equal(2, State.Segments[3].Members.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.Segment", o.TypeNames[0]));
    }
}
