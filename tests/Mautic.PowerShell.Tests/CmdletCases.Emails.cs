namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>E-mails beyond the generic area rows (those come from EntityAreaTests.Areas) and Send-MauticEmail's own row.</summary>
    static readonly Case[] Emails =
    [
        new("Send-MauticEmailReply", "Send-MauticEmail -EmailId 2 -ContactId 1 | Out-Null; Get-MauticStat -Table email_stats | Send-MauticEmailReply", "Send-MauticEmailReply -TrackingHash nosuchhash"),
        new("Get-MauticEmailActivity", "Send-MauticEmail -EmailId 2 -ContactId 1 | Out-Null; Get-MauticEmailActivity -ContactId 1; Get-MauticContact -Id 1 | Get-MauticEmailActivity -Kind Sent",
            "Get-MauticEmailActivity -Email 999; Get-MauticSegment -Id 1 | Get-MauticEmailActivity"),
    ];
}
