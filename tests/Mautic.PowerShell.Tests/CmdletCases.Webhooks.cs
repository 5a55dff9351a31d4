using System.Text.Json;

namespace MauticPS.InProcess;

/// <summary>The webhook intake cmdlets: a post Mautic 5.1.0 really sent (Fixtures/Webhooks), verified and read; no server is involved.</summary>
public static partial class CmdletCases
{
    /// <summary>
    /// A script line that sets $Fixture to the posts Mautic <paramref name="version"/> sent (Fixtures/Webhooks): secret,
    /// and posts, each with Body (the exact text) and Headers (a hashtable). Written out as PowerShell literals, since the
    /// in-process runspace has no Get-Content or ConvertFrom-Json.
    /// </summary>
    public static string LoadFixture(string version = "5.1.0")
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(PsSession.Root, "tests", "Mautic.PowerShell.Tests", "Fixtures", "Webhooks", "mautic-" + version + ".json")));
        var posts = doc.RootElement.GetProperty("posts").EnumerateArray().Select(p =>
            "[pscustomobject]@{ Body = " + Quote(p.GetProperty("Body").GetString()!) + "; Headers = @{ " +
            string.Join("; ", p.GetProperty("Headers").EnumerateObject().Select(h => Quote(h.Name) + " = " + Quote(h.Value.GetString()!))) + " } }");
        return "$Fixture = [pscustomobject]@{ secret = " + Quote(doc.RootElement.GetProperty("secret").GetString()!) + "; posts = @(" + string.Join(", ", posts) + ") }\n";
    }

    /// <summary>Azure Automation's $WebhookData for post <paramref name="index"/> as the JSON text a PowerShell 7 runbook gets, as a PowerShell literal.</summary>
    public static string WebhookDataJson(string version, int index)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(PsSession.Root, "tests", "Mautic.PowerShell.Tests", "Fixtures", "Webhooks", "mautic-" + version + ".json")));
        var post = doc.RootElement.GetProperty("posts")[index];
        return Quote(JsonSerializer.Serialize(new { WebhookName = "Mautic", RequestBody = post.GetProperty("Body").GetString(), RequestHeader = post.GetProperty("Headers") }));
    }

    static string Quote(string s) => "'" + s.Replace("'", "''").Replace("\u2018", "\u2018\u2018").Replace("\u2019", "\u2019\u2019") + "'";

    static readonly Case[] Webhooks =
    [
        new("ConvertFrom-MauticWebhook", LoadFixture() + "$Fixture.posts | ConvertFrom-MauticWebhook -Secret $Fixture.secret",
            LoadFixture() + "ConvertFrom-MauticWebhook -InputObject $Fixture.posts[0].Body -Secret $Fixture.secret; ConvertFrom-MauticWebhook '{}'"),
        new("Test-MauticWebhookSignature", LoadFixture() + "Test-MauticWebhookSignature $Fixture.secret $Fixture.posts[0].Body $Fixture.posts[0].Headers.'Webhook-Signature'",
            LoadFixture() + "Test-MauticWebhookSignature $Fixture.secret -Body ([pscustomobject]@{ x = 1 })"),
    ];
}
