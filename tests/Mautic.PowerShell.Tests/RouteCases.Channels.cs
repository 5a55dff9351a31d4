namespace MauticPS.InProcess;

public static partial class RouteCases
{
    /// <summary>Turns on the fake's SMS transport (a stock Mautic has none and refuses every send); the test runspaces have no Invoke-RestMethod.</summary>
    internal const string EnableSmsTransport =
        "[System.Net.Http.HttpClient]::new().PostAsync(\"$BaseUrl/__fake/settings\", [System.Net.Http.StringContent]::new('{\"smsTransport\":true}')).Result.EnsureSuccessStatusCode() | Out-Null; ";

    /// <summary>The text message send (the channel areas' ten routes are derived from EntityAreaTests.Areas).</summary>
    static readonly RouteCase[] Channels =
    [
        new("GET", "/api/smses/{id}/contact/{contactId}/send",
            EnableSmsTransport +
            "$c = New-MauticContact -Email \"rc-sms-$(Uid)@example.com\" -Property @{ mobile = '+15550100' }; $s = New-MauticSms -Name \"rc-sms-$(Uid)\"; " +
            "Send-MauticSms -SmsId $s.Id -ContactId $c.Id"),
    ];
}
