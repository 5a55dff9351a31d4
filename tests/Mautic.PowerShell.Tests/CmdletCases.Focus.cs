namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Focus items beyond the generic area rows (those come from EntityAreaTests.Areas).</summary>
    static readonly Case[] Focus =
    [
        new("Get-MauticFocusScript", "New-MauticFocus -Name fs1 -Type notice -Style bar | Get-MauticFocusScript", "Get-MauticFocusScript -Id 987654"),
    ];
}
