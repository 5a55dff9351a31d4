using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>What assets do beyond the generic area theories (EntityAreaTests runs those for assets).</summary>
public sealed class AssetTests : PsTest
{
    public AssetTests() => Ps.Connect();

    static long IdOf(PSObject o) => Convert.ToInt64(o.Properties["id"].Value);

    [Fact]
    [Covers("New-MauticAsset")]
    public void A_URL_makes_a_remote_asset_and_its_file_facts_and_counts_are_properties()
    {
        var r = Ok("New-MauticAsset 'Price list' -File 'http://127.0.0.1/files/prices.pdf' -Language de -Description 'Current' -Property @{}");
        var a = Assert.Single(r.Output);
        Assert.Equal("Mautic.Asset", a.TypeNames[0]);
        Assert.Equal("remote", a.Properties["storageLocation"].Value);
        Assert.Equal("pdf", a.Properties["extension"].Value);
        Assert.Equal(-1L, Convert.ToInt64(a.Properties["size"].Value));
        Assert.Equal(0L, Convert.ToInt64(a.Properties["downloadCount"].Value));
        Assert.Equal(0L, Convert.ToInt64(a.Properties["uniqueDownloadCount"].Value));
        Assert.Equal("de", a.Properties["language"].Value);
        Assert.Equal("Current", a.Properties["description"].Value);
        Assert.EndsWith("/asset/1:price-list", (string)a.Properties["downloadUrl"].Value);
        var body = r.Requests.Single(q => q.Path == "/api/assets/new").Body;
        Assert.Contains("\"storageLocation\":\"remote\"", body);
        Assert.Contains("\"file\":\"http://127.0.0.1/files/prices.pdf\"", body);
    }

    [Fact]
    [Covers("New-MauticAsset")]
    public void A_file_name_makes_a_local_asset_from_the_assets_directory_in_its_category()
    {
        FakeAssetFiles.AddFile(State, "9c3dfd67.pdf", 24);
        var r = Ok("$c = New-MauticCategory -Name docs -Property @{ bundle = 'asset' }; New-MauticAsset -Title Whitepaper -File 9c3dfd67.pdf -Category $c.id -Property @{}");
        var a = r.Output.Last();
        Assert.Equal("local", a.Properties["storageLocation"].Value);
        Assert.Equal("application/pdf", a.Properties["mime"].Value);
        Assert.Equal(24L, Convert.ToInt64(a.Properties["size"].Value));
        Assert.Equal("docs", ((PSObject)a.Properties["category"].Value).Properties["title"].Value);
    }

    [Fact]
    [Covers("New-MauticAsset")]
    public void A_local_file_not_in_the_directory_is_InvalidData_naming_it_and_an_explicit_location_wins()
    {
        var r = Run("New-MauticAsset -Title x -File nope.pdf -Property @{}; New-MauticAsset -Title y -File 'http://127.0.0.1/a.pdf' -StorageLocation Local -Property @{}");
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.InvalidData, r.Errors[0].CategoryInfo.Category);
        Assert.Contains("nope.pdf was not found in the asset directory", r.Errors[0].Exception.Message);
        // The explicit Local wins over the guess from the URL: as a local file, a URL names no file in the assets
        // folder, so it is refused before sending (a remote asset would have been sent).
        Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[1].CategoryInfo.Category);
        Assert.Contains("'http://127.0.0.1/a.pdf' is not a file name in Mautic's assets folder", r.Errors[1].Exception.Message);
        Assert.Single(r.Requests, q => q.Path == "/api/assets/new");
        Assert.Empty(State.Stores["assets"].Rows);
    }

    [Fact]
    [Covers("New-MauticAsset")]
    [Covers("Set-MauticAsset")]
    public void A_location_the_row_or_Property_gives_is_kept_over_the_guess_from_the_file()
    {
        var r = Run("""
            [pscustomobject]@{ title = 'row'; file = 'http://127.0.0.1/r.pdf'; storageLocation = 'local' } | New-MauticAsset -Property @{}
            New-MauticAsset -Title prop -File 'http://127.0.0.1/p.pdf' -Property @{ storageLocation = 'Local' }
            $a = New-MauticAsset -Title set; Set-MauticAsset -Id $a.id -File 'http://127.0.0.1/s.pdf' -Property @{ storageLocation = 'local' }
            """);
        // Each kept Local (a guess from the URL would have made it remote and sent it): as a local file a URL names no
        // file in the assets folder, so each is refused before sending, naming its file.
        Assert.Equal(3, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.All(r.Errors, e => Assert.Contains("is not a file name in Mautic's assets folder", e.Exception.Message));
        Assert.Contains("'http://127.0.0.1/r.pdf'", r.Errors[0].Exception.Message);
        Assert.Empty(r.Requests.Where(q => q.Body.Contains("/r.pdf") || q.Body.Contains("/p.pdf") || q.Body.Contains("/s.pdf")));
    }

    [Fact]
    [Covers("New-MauticAsset")]
    public void A_row_without_a_file_is_refused_before_sending_and_the_others_go_in_one_batch()
    {
        var r = Run("""
            [pscustomobject]@{ title = 'no file' },
            [pscustomobject]@{ title = 'a'; file = 'http://127.0.0.1/a.pdf' },
            [pscustomobject]@{ title = 'b'; FileName = 'http://127.0.0.1/b.pdf'; storageLocation = 'remote' } | New-MauticAsset -Property @{}
            """);
        Assert.Equal(["a", "b"], r.Output.Select(o => (string)o.Properties["title"].Value));
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("'file'", e.Exception.Message);
        Assert.Equal("no file", ((PSObject)e.TargetObject).Properties["title"].Value);
        Assert.Single(r.Requests, q => q.Path == "/api/assets/batch/new");
        Assert.DoesNotContain(r.Requests, q => q.Path == "/api/assets/new");
    }

    [Fact]
    [Covers("New-MauticAsset")]
    public void A_piped_uploaded_file_gives_its_name_and_nothing_else()
    {
        FakeAssetFiles.AddFile(State, "up1.pdf", 10);
        var r = Ok("[pscustomobject]@{ PSTypeName = 'Mautic.File'; name = 'up1.pdf'; link = $null } | New-MauticAsset -Title Uploaded -Property @{}");
        Assert.Equal("local", Assert.Single(r.Output).Properties["storageLocation"].Value);
        var body = r.Requests.Single(q => q.Path == "/api/assets/new").Body;
        Assert.Contains("\"file\":\"up1.pdf\"", body);
        Assert.DoesNotContain("\"name\"", body);
        Assert.DoesNotContain("\"link\"", body);
    }

    [Fact]
    [Covers("Set-MauticAsset")]
    public void A_new_remote_file_always_goes_with_its_location_and_renames_unless_titled()
    {
        var id = IdOf(Ok("New-MauticAsset -Title Probe").Output.Single());
        var r = Ok($"Set-MauticAsset {id} -File 'http://127.0.0.1/new/other.zip' -PassThru");
        var renamed = r.Output.Single();
        Assert.Equal("other.zip", renamed.Properties["title"].Value);
        Assert.Equal("zip", renamed.Properties["extension"].Value);
        Assert.Equal("probe", renamed.Properties["alias"].Value);
        Assert.Contains("\"storageLocation\":\"remote\"", r.Requests.Single(q => q.Path == $"/api/assets/{id}/edit").Body);
        var kept = Ok($"Set-MauticAsset {id} -File 'http://127.0.0.1/new/third.pdf' -Title Probe -PassThru").Output.Single();
        Assert.Equal("Probe", kept.Properties["title"].Value);
        Assert.Equal(3L, Convert.ToInt64(kept.Properties["revision"].Value));
    }

    [Fact]
    [Covers("Set-MauticAsset")]
    public void A_Replace_without_the_language_is_InvalidData_and_changes_nothing()
    {
        var id = IdOf(Ok("New-MauticAsset -Title keep").Output.Single());
        var r = Run($"Set-MauticAsset {id} -Title gone -Replace");
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("language", e.Exception.Message);
        Assert.Equal("keep", State.Stores["assets"].Rows[id].Text("title"));
        var put = Ok($"Set-MauticAsset {id} -Title kept -Language en -Replace -PassThru").Output.Single();
        Assert.Null(put.Properties["storageLocation"].Value);   // Mautic 5.1's PUT clears it
    }

    [Fact]
    [Covers("Get-MauticAsset", "List")]
    [Covers("Get-MauticAsset", "ById")]
    public void Download_counts_are_properties_of_every_asset_read()
    {
        var id = IdOf(Ok("New-MauticAsset -Title Popular").Output.Single());
        lock (State.Sync)
        {
            State.Stores["assets"].Rows[id].Values["downloadCount"] = 12L;
            State.Stores["assets"].Rows[id].Values["uniqueDownloadCount"] = 7L;
        }
        var one = Ok($"Get-MauticAsset -Id {id}").Output.Single();
        Assert.Equal(12L, Convert.ToInt64(one.Properties["downloadCount"].Value));
        Assert.Equal(7L, Convert.ToInt64(one.Properties["uniqueDownloadCount"].Value));
        var listed = Ok("Get-MauticAsset -Search Popular").Output.Single();
        Assert.Equal(12L, Convert.ToInt64(listed.Properties["downloadCount"].Value));
    }

    [Fact]
    [Covers("Remove-MauticAsset")]
    public void Removing_a_local_asset_removes_its_file_from_the_fake_directory()
    {
        FakeAssetFiles.AddFile(State, "gone.pdf", 5);
        var id = IdOf(Ok("New-MauticAsset -Title G -File gone.pdf -Property @{}").Output.Single());
        var r = Ok($"Remove-MauticAsset {id} -Force -PassThru");
        Assert.Equal("G", Assert.Single(r.Output).Properties["title"].Value);
        lock (State.Sync) Assert.Empty(FakeAssetFiles.Of(State));
    }
}
