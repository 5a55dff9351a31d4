namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Send-MauticSms (the channel areas' generic rows come from EntityAreaTests.Areas). The fake has no SMS transport until asked for one.</summary>
    static readonly Case[] Channels =
    [
        new("Send-MauticSms",
            "Set-MauticContact -Id 1 -Property @{ mobile = '+15550100' }; " + RouteCases.EnableSmsTransport + "$s = New-MauticSms -Name cs-sms; Send-MauticSms -SmsId $s.Id -ContactId 1",
            "Send-MauticSms -SmsId 987654 -ContactId 1"),
    ];
}
