namespace MauticPS.InProcess;

/// <summary>The campaign cmdlets beyond the generic four (those come from EntityAreaTests.Areas).</summary>
public static partial class CmdletCases
{
    static readonly Case[] Campaigns =
    [
        new("Add-MauticCampaignMember", "$c = New-MauticCampaign -Name 'cm1'; Add-MauticCampaignMember -CampaignId $c.id -ContactId 1, 2 -PassThru", "$c = New-MauticCampaign -Name 'cm2'; Add-MauticCampaignMember -CampaignId $c.id -ContactId 424242"),
        new("Remove-MauticCampaignMember", "$c = New-MauticCampaign -Name 'cm3'; 1 | Add-MauticCampaignMember -CampaignId $c.id; Remove-MauticCampaignMember $c.id 1 -PassThru", "Remove-MauticCampaignMember -CampaignId 999 -ContactId 1"),
        new("Get-MauticCampaignMember", "$c = New-MauticCampaign -Name 'cm4'; 1, 2 | Add-MauticCampaignMember -CampaignId $c.id; Get-MauticCampaignMember $c.id", "Get-MauticCampaignMember -CampaignId 999"),
        new("Copy-MauticCampaign", "New-MauticCampaign -Name 'cm5' | Copy-MauticCampaign", "Copy-MauticCampaign -CampaignId 999"),
        new("Get-MauticCampaignEvent", "New-MauticCampaign -Name 'cm6' | Out-Null; Get-MauticCampaignEvent -IncludeTotalCount; Get-MauticCampaignEvent -Id 1; Get-MauticCampaign -Id 1 | Get-MauticCampaignEvent", "Get-MauticCampaignEvent -Id 987654; Get-MauticCampaignEvent -CampaignId 999"),
        // Mautic 7.0's routes: the fake as 7.0.0 for success; on 5.1.0 both are refused before sending (NotImplemented).
        new("Export-MauticCampaign", RouteCases.ExportedCampaign + "$f.Name; Export-MauticCampaign $c.Id -LiteralPath ([System.IO.Path]::Combine($d, 'c.zip')) -PassThru | Select-Object -ExpandProperty Length; [System.IO.Directory]::Delete($d, $true)",
            "Export-MauticCampaign -Id 1 -Path ([System.IO.Path]::GetTempPath()); " + RouteCases.Fake7 + "Get-MauticCampaign -First 1 | Out-Null; Export-MauticCampaign -Id 987654 -Path ([System.IO.Path]::GetTempPath())"),
        new("Import-MauticCampaign", RouteCases.ExportedCampaign + "$f | Import-MauticCampaign -AsCopy; Import-MauticCampaign -Path $f.FullName; [System.IO.Directory]::Delete($d, $true)",
            "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ci-' + [guid]::NewGuid().ToString('n') + '.json'); [System.IO.File]::WriteAllText($p, '[]'); Import-MauticCampaign -LiteralPath $p; " + RouteCases.Fake7 + "Get-MauticCampaign -First 1 | Out-Null; Import-MauticCampaign -LiteralPath $p; [System.IO.File]::Delete($p)"),
        new("Get-MauticContactCampaign", "$c = New-MauticCampaign -Name 'cm7'; 1 | Add-MauticCampaignMember -CampaignId $c.id; Get-MauticContactCampaign -Id 1", "Get-MauticContactCampaign -Id 424242"),
        new("Get-MauticCampaignContactEvent", "$c = New-MauticCampaign -Name 'cm8'; 1 | Add-MauticCampaignMember -CampaignId $c.id; Get-MauticCampaignContactEvent 1 -CampaignId $c.id; Get-MauticCampaignContactEvent 1", "Get-MauticCampaignContactEvent -Id 424242; Get-MauticCampaignContactEvent 1 -CampaignId 999"),
        new("Set-MauticCampaignContactEvent", "$c = New-MauticCampaign -Name 'cm9'; 1 | Add-MauticCampaignMember -CampaignId $c.id; Set-MauticCampaignContactEvent -EventId $c.events[0].id -ContactId 1 -TriggerDate '2030-01-02 10:00' -PassThru", "Set-MauticCampaignContactEvent -EventId 987654 -ContactId 1 -TriggerDate '2030-01-02'; Set-MauticCampaignContactEvent -EventId 1 -ContactId 1"),
    ];
}
