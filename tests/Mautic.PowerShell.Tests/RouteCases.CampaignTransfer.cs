namespace MauticPS.InProcess;

public static partial class RouteCases
{
    /// <summary>Makes the fake answer as Mautic 7.0.0 (the connection learns it from the next answer); the test runspaces have no Invoke-RestMethod.</summary>
    internal const string Fake7 =
        "[System.Net.Http.HttpClient]::new().PostAsync(\"$BaseUrl/__fake/settings\", [System.Net.Http.StringContent]::new('{\"mauticVersion\":\"7.0.0\"}')).Result.EnsureSuccessStatusCode() | Out-Null; ";

    /// <summary>Back to 5.1.0, and one request so the connection knows it (the route cases share one session).</summary>
    const string Fake51 =
        "[System.Net.Http.HttpClient]::new().PostAsync(\"$BaseUrl/__fake/settings\", [System.Net.Http.StringContent]::new('{\"mauticVersion\":\"5.1.0\"}')).Result.EnsureSuccessStatusCode() | Out-Null; Get-MauticCampaign -First 1 | Out-Null";

    /// <summary>A campaign made on the fake as 7.0.0 and exported into a fresh temporary folder $d.</summary>
    internal const string ExportedCampaign = Fake7 +
        "$d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ct-' + [guid]::NewGuid().ToString('n')); [void][System.IO.Directory]::CreateDirectory($d); " +
        "$c = New-MauticCampaign -Name ('rc-' + [guid]::NewGuid().ToString('n').Substring(0, 10)); $f = Export-MauticCampaign -Id $c.Id -Path $d -PassThru; ";

    /// <summary>Mautic 7.0's v1 additions (docs/api-coverage.md, "Mautic 7.0 additions (v1)"), run with the fake as 7.0.0.</summary>
    static readonly RouteCase[] CampaignTransfer =
    [
        new("GET", "/api/campaigns/export/{campaignId}", "try { " + ExportedCampaign + "} finally { [System.IO.Directory]::Delete($d, $true); " + Fake51 + " }"),
        new("POST", "/api/campaigns/import", "try { " + ExportedCampaign + "$f | Import-MauticCampaign -AsCopy | Out-Null } finally { [System.IO.Directory]::Delete($d, $true); " + Fake51 + " }"),
    ];
}
