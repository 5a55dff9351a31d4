namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Notes and fields beyond the generic area rows (those come from EntityAreaTests.Areas).</summary>
    static readonly Case[] NotesFields =
    [
        new("Get-MauticContactNote", "New-MauticNote -ContactId 1 -Text hello | Out-Null; Get-MauticContact -Id 1 | Get-MauticContactNote", "Get-MauticContactNote -Id 424242"),
    ];
}
