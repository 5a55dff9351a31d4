namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Sync-Mautic*Member: a run that adds and removes, and one whose target does not exist.</summary>
    static readonly Case[] MemberSync =
    [
        new("Sync-MauticSegmentMember", "1, 'a2@example.com' | Sync-MauticSegmentMember 2; 2, 3 | Sync-MauticSegmentMember 2 -Exact -Force", "1 | Sync-MauticSegmentMember 999; 'no-email' | Sync-MauticSegmentMember 2"),
        new("Sync-MauticCampaignMember", "$c = New-MauticCampaign -Name 'ms1'; 1, 2 | Sync-MauticCampaignMember $c; 2 | Sync-MauticCampaignMember $c -Exact -Force", "1 | Sync-MauticCampaignMember 999"),
        new("Sync-MauticCompanyMember", "$c = New-MauticCompany -Name 'ms2'; 1, 2 | Sync-MauticCompanyMember $c; 2 | Sync-MauticCompanyMember $c -Exact -Force", "1 | Sync-MauticCompanyMember 999"),
        new("Sync-MauticTagMember", "$t = New-MauticTag -Name 'ms3'; 1, 2 | Sync-MauticTagMember $t; 2 | Sync-MauticTagMember $t -Exact -Force", "1 | Sync-MauticTagMember 999"),
    ];
}
