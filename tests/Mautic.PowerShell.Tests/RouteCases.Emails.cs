namespace MauticPS.InProcess;

public static partial class RouteCases
{
    /// <summary>E-mails beyond the ten generic routes (derived from EntityAreaTests.Areas): the two sends and the reply.</summary>
    static readonly RouteCase[] Emails =
    [
        new("POST", "/api/emails/{id}/send", "$e = New-MauticEmail -Name \"rc-seg-$(Uid)\" -Subject s -SegmentId 1; Send-MauticEmail -EmailId $e.Id -Segment"),
        new("POST", "/api/emails/{id}/contact/{leadId}/send", "$e = New-MauticEmail -Name \"rc-one-$(Uid)\" -Subject s; Send-MauticEmail -EmailId $e.Id -ContactId 1"),
        new("POST", "/api/emails/reply/{trackingHash}",
            "$e = New-MauticEmail -Name \"rc-reply-$(Uid)\" -Subject s; Send-MauticEmail -EmailId $e.Id -ContactId 1 | Out-Null; " +
            "Get-MauticStat -Table email_stats -Where @{ col = 'email_id'; expr = 'eq'; val = $e.Id } | Send-MauticEmailReply"),
    ];
}
