namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    static readonly Case[] ContactExtras =
    [
        new("Add-MauticContactDoNotContact", "1, 2 | Add-MauticContactDoNotContact -Reason Bounced -PassThru", "Add-MauticContactDoNotContact -Id 424242"),
        new("Remove-MauticContactDoNotContact", "Add-MauticContactDoNotContact 1; Remove-MauticContactDoNotContact 1 -Force -PassThru", "Remove-MauticContactDoNotContact -Id 424242 -Force"),
        new("Add-MauticContactUtm", "Add-MauticContactUtm 1 -Campaign c -Source s -PassThru", "Add-MauticContactUtm 424242 -Source s; Add-MauticContactUtm 1"),
        new("Remove-MauticContactUtm", "$c = Add-MauticContactUtm 1 -Source s -PassThru; Remove-MauticContactUtm 1 $c.utmtags[0].id -Force -PassThru", "Remove-MauticContactUtm 1 424242 -Force"),
        new("Add-MauticContactPoint", "1, 2 | Add-MauticContactPoint -Points 5 -PassThru", "Add-MauticContactPoint 424242 5; Add-MauticContactPoint 1 5 -PointGroupId 424242"),
        new("Set-MauticContactPoint", "$g = New-MauticPointGroup -Name pg; Set-MauticContactPoint 1 7 -PassThru; Set-MauticContactPoint 1 3 -PointGroupId $g.id -PassThru", "Set-MauticContactPoint 424242 1"),
        new("Get-MauticContactPointGroup", "$g = New-MauticPointGroup -Name pg; Set-MauticContactPoint 1 3 -PointGroupId $g.id; Get-MauticContactPointGroup 1", "Get-MauticContactPointGroup 424242"),
        new("Get-MauticContactDevice", "Add-MauticContactUtm 1 -UserAgent ua; Get-MauticContactDevice 1", "Get-MauticContactDevice 424242"),
        new("Get-MauticContactCompany", "$c = New-MauticCompany -Name cc; Add-MauticCompanyMember $c.id 1; Get-MauticContactCompany 1", "Get-MauticContactCompany 424242"),
        new("Get-MauticContactActivity", "Add-MauticContactPoint 1 2; Get-MauticContactActivity -Id 1 -IncludeTotalCount; Get-MauticContactActivity -First 1", "Get-MauticContactActivity -Id 424242"),
    ];
}
