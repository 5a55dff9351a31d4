namespace MauticPS.InProcess;

/// <summary>The stats cmdlets.</summary>
public static partial class CmdletCases
{
    static readonly Case[] Stats =
    [
        new("Get-MauticStatTable", "Get-MauticStatTable; Get-MauticStatTable email_stat*", "Get-MauticStatTable no_such_table"),
        new("Get-MauticStat", "Add-MauticSegmentMember -SegmentId 2 -ContactId 1; Get-MauticStat lead_lists_leads -Where @{ col = 'leadlist_id'; val = 2 } -OrderBy lead_id -First 5 -IncludeTotalCount", "Get-MauticStat no_such_table; Get-MauticStat lead_lists_leads -OrderBy nosuch"),
    ];
}
