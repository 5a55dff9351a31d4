using System.IO.Compression;
using System.Management.Automation;
using System.Text.Json.Nodes;

namespace MauticPS.InProcess;

/// <summary>
/// Export-MauticCampaign and Import-MauticCampaign against the fake as 7.0.0 (and their gate on 5.1.0), and
/// Get-MauticCampaignEvent's campaign filter (-CampaignId, piped campaigns) on both versions.
/// </summary>
public sealed class CampaignTransferTests : PsTest, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("mautic-ps-campaigns-").FullName;

    void Start(string version)
    {
        State.Version = version;
        Ps.Seed(3);
        Ps.Connect();
    }

    /// <summary>The one error carrying <paramref name="target"/>, of this category.</summary>
    static ErrorRecord ErrorFor(PsResult r, ErrorCategory category, object target)
    {
        var e = Assert.Single(r.Errors, x => Equals(PsResult.Unwrap(x.TargetObject), target));
        Assert.Equal(category, e.CategoryInfo.Category);
        return e;
    }

    long Campaign(string name) => Convert.ToInt64(Ok($"(New-MauticCampaign -Name '{name}').id").Output.Single().BaseObject);

    [Fact]
    [Covers("Export-MauticCampaign", "Path")]
    public void Export_writes_json_by_default_and_zip_by_extension_or_format_and_replaces_only_with_Force()
    {
        Start("7.0.0");
        var id = Campaign("exp");
        var r = Ok($"Export-MauticCampaign {id} '{_dir}' -PassThru");
        var file = Assert.IsType<FileInfo>(Assert.Single(r.Output).BaseObject);
        Assert.Equal($"campaign-{id}.json", file.Name);
        Assert.NotNull(r.Output[0].Properties["PSPath"]);
        Assert.Equal("exp", (string)JsonNode.Parse(File.ReadAllText(file.FullName))![0]!["campaign"]![0]!["name"]!);

        Assert.Empty(Ok($"Export-MauticCampaign {id} -Path '{Path.Combine(_dir, "plain.json")}'").Output);   // no -PassThru, no output
        Assert.True(File.Exists(Path.Combine(_dir, "plain.json")));
        var again = Run($"Export-MauticCampaign {id} -Path '{_dir}' -Format Json");   // the folder's file exists now
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(again.Errors).CategoryInfo.Category);
        Assert.Empty(again.Api);

        Ok($"Export-MauticCampaign {id} -Path '{Path.Combine(_dir, "a.zip")}'; Export-MauticCampaign {id} -Path '{_dir}' -Format Zip");
        foreach (var zip in new[] { "a.zip", $"campaign-{id}.zip" })
            using (var z = ZipFile.OpenRead(Path.Combine(_dir, zip)))
                Assert.Equal("entity_data.json", Assert.Single(z.Entries).FullName);

        File.WriteAllText(Path.Combine(_dir, "a.zip"), "old");
        Ok($"Export-MauticCampaign {id} -Path '{Path.Combine(_dir, "a.zip")}' -Force");
        using (var z = ZipFile.OpenRead(Path.Combine(_dir, "a.zip"))) Assert.Single(z.Entries);
    }

    [Fact]
    [Covers("Export-MauticCampaign", "LiteralPath")]
    public void Export_takes_piped_campaigns_names_a_missing_one_and_WhatIf_does_nothing()
    {
        Start("7.0.0");
        Campaign("p1");
        Campaign("p2");
        var r = Run($"Get-MauticCampaign | Export-MauticCampaign -LiteralPath '{_dir}' -PassThru; Export-MauticCampaign 987654 -LiteralPath '{_dir}'");
        Assert.Equal(2, r.Output.Count);
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Contains("Item was not found", e.Exception.Message);
        Assert.Equal(2, Directory.GetFiles(_dir).Length);

        var w = Ok($"Export-MauticCampaign 1 -LiteralPath '{Path.Combine(_dir, "w.json")}' -WhatIf");
        Assert.Empty(w.Api);
        Assert.False(File.Exists(Path.Combine(_dir, "w.json")));
        var other = Run($"Get-MauticContact -Id 1 | Export-MauticCampaign -Path '{_dir}'");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(other.Errors).CategoryInfo.Category);
        Assert.DoesNotContain(other.Requests, q => q.Path.StartsWith("/api/campaigns/export", StringComparison.Ordinal));
    }

    [Fact]
    [Covers("Import-MauticCampaign", "LiteralPath")]
    public void Import_takes_files_from_Get_ChildItem_and_writes_the_imported_campaigns()
    {
        Start("7.0.0");
        var id = Campaign("imp");
        // Export-MauticCampaign -PassThru writes provider FileInfo objects (with PSPath), as Get-ChildItem does.
        var r = Ok($"Export-MauticCampaign {id} -Path '{_dir}' -PassThru; Export-MauticCampaign {id} -Path '{Path.Combine(_dir, "z.zip")}' -PassThru | Import-MauticCampaign -AsCopy");
        Assert.IsType<FileInfo>(r.Output[0].BaseObject);
        r = Ok($"'{Path.Combine(_dir, $"campaign-{id}.json")}', '{Path.Combine(_dir, "z.zip")}' | ForEach-Object {{ [System.IO.FileInfo]::new($_) }} | Import-MauticCampaign -AsCopy");
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, c =>
        {
            Assert.Equal("Mautic.Campaign", c.TypeNames[0]);
            Assert.Equal("imp", c.Properties["name"].Value);
            Assert.False((bool)c.Properties["isPublished"].Value);
            Assert.NotEqual(id, Convert.ToInt64(c.Properties["id"].Value));
        });
        Assert.Equal(2, r.Requests.Count(q => q.Path == "/api/campaigns/import"));
        lock (State.Sync) Assert.Equal(4, State.CampaignStore.Rows.Count);
    }

    [Fact]
    [Covers("Import-MauticCampaign", "Path")]
    public void Import_by_path_updates_in_place_refuses_bad_files_by_name_and_WhatIf_sends_nothing()
    {
        Start("7.0.0");
        var id = Campaign("upd");
        Ok($"Export-MauticCampaign {id} -Path '{_dir}'");
        var json = Path.Combine(_dir, $"campaign-{id}.json");
        var updated = Ok($"Import-MauticCampaign '{Path.Combine(_dir, "campaign-*.json")}'");
        Assert.Equal(id, Convert.ToInt64(Assert.Single(updated.Output).Properties["id"].Value));

        Assert.Empty(Ok($"Import-MauticCampaign '{json}' -WhatIf").Requests.Where(q => q.Path == "/api/campaigns/import"));

        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\"campaign\":1}");
        File.WriteAllText(Path.Combine(_dir, "note.txt"), "x");
        var r = Run($"Import-MauticCampaign '{bad}', '{Path.Combine(_dir, "note.txt")}', '{Path.Combine(_dir, "none.json")}'");
        Assert.Equal(3, r.Errors.Count);
        Assert.Contains("is not a Mautic campaign export", ErrorFor(r, ErrorCategory.InvalidData, bad).Exception.Message);
        ErrorFor(r, ErrorCategory.InvalidArgument, Path.Combine(_dir, "note.txt"));
        ErrorFor(r, ErrorCategory.ObjectNotFound, Path.Combine(_dir, "none.json"));
        Assert.DoesNotContain(r.Requests, q => q.Path == "/api/campaigns/import");
    }

    [Fact]
    public void Before_7_0_both_cmdlets_are_NotImplemented_naming_the_versions_and_send_nothing()
    {
        Start("5.1.0");
        File.WriteAllText(Path.Combine(_dir, "c.json"), "[]");
        var r = Run($"Export-MauticCampaign 1 -Path '{_dir}'; Import-MauticCampaign '{Path.Combine(_dir, "c.json")}'");
        Assert.Equal(2, r.Errors.Count);
        var export = ErrorFor(r, ErrorCategory.NotImplemented, 1L);
        Assert.Equal("Exporting a campaign needs Mautic 7.0 or later; this server is 5.1.0.", export.Exception.Message);
        var import = ErrorFor(r, ErrorCategory.NotImplemented, Path.Combine(_dir, "c.json"));
        Assert.Equal("Importing a campaign needs Mautic 7.0 or later; this server is 5.1.0.", import.Exception.Message);
        Assert.Empty(r.Api);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("5.1.0")]
    [InlineData("7.0.0")]
    public void A_campaign_s_events_by_CampaignId_or_from_a_piped_campaign(string version)
    {
        Start(version);
        var a = Campaign("ea");
        var b = Campaign("eb");
        var byId = Ok($"Get-MauticCampaignEvent -CampaignId {b}");
        var piped = Ok($"Get-MauticCampaign -Id {a}, {b} | Get-MauticCampaignEvent");
        Assert.All(byId.Output, e => Assert.Equal(b, Convert.ToInt64(((PSObject)e.Properties["campaign"].Value).Properties["id"].Value)));
        Assert.Single(byId.Output);
        Assert.Equal(2, piped.Output.Count);
        Assert.Equal(new[] { a, b }, piped.Output.Select(e => Convert.ToInt64(((PSObject)e.Properties["campaign"].Value).Properties["id"].Value)));
        Assert.All(piped.Requests.Where(q => q.Path == "/api/campaigns/events"), q => Assert.Equal("campaign", q.Q("where[0][col]")));

        var missing = Run("Get-MauticCampaignEvent -CampaignId 987654");
        missing.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Equal(2, Ok("Get-MauticCampaignEvent").Output.Count);   // the list and by-id stay as they were
        Assert.Single(Ok("Get-MauticCampaignEvent -Id 1").Output);
        var other = Run("Get-MauticContact -Id 1 | Get-MauticCampaignEvent");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(other.Errors).CategoryInfo.Category);
    }

    public new void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        base.Dispose();
    }
}
