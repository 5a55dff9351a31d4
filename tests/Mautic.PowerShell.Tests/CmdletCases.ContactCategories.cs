namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>A category titled News (id 1 on a fresh fake); the writes need Mautic 7, so To7 switches the fake first.</summary>
    const string News = "$null = New-MauticCategory -Name News -Property @{ bundle = 'global' }; ";

    static readonly Case[] ContactCategories =
    [
        new("Get-MauticContactCategory", To7 + News + "Add-MauticContactCategory News 1; Get-MauticContactCategory 1; Get-MauticContactCategory 1, 2 -Category News", "Get-MauticContactCategory -ContactId 424242"),
        new("Add-MauticContactCategory", To7 + News + "Add-MauticContactCategory -Category News -ContactId 1, 2 -PassThru", To7 + News + "Add-MauticContactCategory -Category News -ContactId 424242"),
        new("Set-MauticContactCategory", To7 + News + "Add-MauticContactCategory News 1 -PassThru | Set-MauticContactCategory -ManuallyRemoved $true -PassThru", To7 + "Set-MauticContactCategory -Id 424242 -ManuallyAdded $true"),
        new("Remove-MauticContactCategory", To7 + News + "Add-MauticContactCategory News 1; Remove-MauticContactCategory News 1 -Force -PassThru", To7 + News + "Remove-MauticContactCategory -Category News -ContactId 424242 -Force"),
    ];
}
