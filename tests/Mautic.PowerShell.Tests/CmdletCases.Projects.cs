namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Projects need Mautic 7: each success script switches the fake to 7.0.0 and reads a v1 record so the connection learns it.</summary>
    const string To7 = "$FakeState.Version = '7.0.0'; $null = Get-MauticSegment -Id 1; ";

    static readonly Case[] Projects =
    [
        new("Get-MauticProject", To7 + "$null = New-MauticProject -Name g1; Get-MauticProject; Get-MauticProject -Name 'g*'", To7 + "Get-MauticProject -Id 424242; Get-MauticProject -Name nothing"),
        new("New-MauticProject", To7 + "New-MauticProject -Name n1 -Description d -Property @{ k = 'v' }", "New-MauticProject -Name on51"),
        new("Set-MauticProject", To7 + "New-MauticProject -Name s1 | Set-MauticProject -Name s2 -PassThru", To7 + "Set-MauticProject -Id 424242 -Name x"),
        new("Remove-MauticProject", To7 + "New-MauticProject -Name r1 | Remove-MauticProject -Force", To7 + "Remove-MauticProject -Id 424242 -Force"),
        new("Add-MauticProjectMember", To7 + "$p = New-MauticProject -Name a1; Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project $p -PassThru", To7 + "Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project 424242"),
        new("Remove-MauticProjectMember", To7 + "$p = New-MauticProject -Name a2; Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project $p.id; Get-MauticSegment -Id 1 | Remove-MauticProjectMember -Project a2 -PassThru", To7 + "Get-MauticSegment -Id 1 | Remove-MauticProjectMember -Project nothing-named-so"),
    ];
}
