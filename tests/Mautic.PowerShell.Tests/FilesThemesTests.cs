using System.IO.Compression;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;

namespace MauticPS.InProcess;

/// <summary>Get/Add/Remove-MauticFile and Get/Save/Add/Remove-MauticTheme against the fake's media folders and themes.</summary>
public sealed class FilesThemesTests : PsTest, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("mautic-ps-ft-").FullName;
    const int ActivityId = 0x4D54;

    public FilesThemesTests() => Ps.Connect();

    string Local(string name, string text = "hello")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    string BigPng(string name, int bytes)
    {
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    [Covers("Add-MauticFile", "Path")]
    public void Add_expands_wildcards_and_writes_the_stored_name_and_link_per_file()
    {
        Local("a.txt");
        Local("b.txt", "second");
        Local("c.csv", "x,y");
        var r = Ok($"Add-MauticFile -Directory images -Path '{_dir}/*.txt'");
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, f =>
        {
            Assert.Equal("Mautic.File", f.TypeNames[0]);
            Assert.Matches("^[0-9a-f]{32}\\.txt$", (string)f.Properties["File"].Value);
            Assert.Equal("images", f.Properties["Directory"].Value);
            Assert.StartsWith(Ps.Server.BaseUrl + "/media/images/", (string)f.Properties["Link"].Value);
        });
        Assert.Equal([Path.Combine(_dir, "a.txt"), Path.Combine(_dir, "b.txt")], r.Output.Select(f => (string)f.Properties["SourcePath"].Value));
        Assert.Equal(2, r.Requests.Count(q => q.Method == "POST" && q.Path == "/api/files/images/new"));
        lock (State.Sync) Assert.Equal(3, State.Media.Folders["images"].Count);   // the dot file and the two uploads

        var bad = Run($"Add-MauticFile -Directory images -Path '{_dir}/missing.txt', '{_dir}/*.none', '{_dir}'");
        Assert.Equal(3, bad.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal($"{_dir}/missing.txt", bad.Errors[0].TargetObject);
        Assert.Contains("missing.txt", bad.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[1].CategoryInfo.Category);
        Assert.Contains("*.none", bad.Errors[1].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[2].CategoryInfo.Category);
        Assert.Empty(bad.Requests.Where(q => q.Path.StartsWith("/api/files")));

        var folder = Run($"Add-MauticFile -Directory videos -Path '{_dir}/a.txt'");
        Assert.Equal(ErrorCategory.InvalidArgument, folder.Terminating!.CategoryInfo.Category);
        Assert.Equal("videos", folder.Terminating.TargetObject);
        Assert.Empty(folder.Requests.Where(q => q.Path.StartsWith("/api/files")));
    }

    [Fact]
    [Covers("Add-MauticFile", "LiteralPath")]
    public void Objects_with_a_PSPath_bind_literally_and_WhatIf_sends_nothing()
    {
        Local("odd[1].txt");
        var r = Ok($"[pscustomobject]@{{ PSPath = '{_dir}/odd[1].txt' }} | Add-MauticFile -Directory assets");
        var f = Assert.Single(r.Output);
        Assert.Equal("media", f.Properties["Directory"].Value);   // assets is Mautic 4's name of media
        Assert.Null(f.Properties["Link"].Value);                   // links only for images
        Assert.Equal(Path.Combine(_dir, "odd[1].txt"), f.Properties["SourcePath"].Value);
        Assert.Single(r.Requests, q => q.Path == "/api/files/media/new");

        var w = Ok($"Add-MauticFile -Directory images -LiteralPath '{_dir}/odd[1].txt' -WhatIf");
        Assert.Empty(w.Output);
        Assert.Empty(w.Requests.Where(q => q.Path.StartsWith("/api/files")));
    }

    [Fact]
    [Covers("Add-MauticFile", "Path")]
    public void A_large_upload_is_streamed_whole_and_shows_progress_ending_in_a_completed_record()
    {
        var path = BigPng("big.png", 3 * 1024 * 1024 + 5);
        var r = Ok($"Add-MauticFile -Directory images -Path '{path}'");
        Assert.Matches("\\.png$", (string)Assert.Single(r.Output).Properties["File"].Value);
        lock (State.Sync)
        {
            var got = Assert.Single(State.Media.Received);
            Assert.Equal(new FileInfo(path).Length, got.Length);
            Assert.Equal(Sha(path), got.Sha256);
        }
        var progress = r.Progress.Where(p => p.ActivityId == ActivityId).ToList();
        Assert.True(progress.Count >= 2, $"{progress.Count} progress records");
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.Contains(progress, p => p.RecordType == ProgressRecordType.Processing && p.PercentComplete == 100 && p.StatusDescription.Contains("3.0 MiB of 3.0 MiB"));
        Assert.All(progress.Take(progress.Count - 1), p => Assert.Contains("big.png", p.Activity));

        var small = Ok($"Add-MauticFile -Directory images -Path '{Local("small.txt")}'");
        Assert.Empty(small.Progress.Where(p => p.ActivityId == ActivityId));
    }

    [Fact]
    [Covers("Get-MauticFile")]
    public void Get_lists_a_folder_filters_by_name_and_reports_bad_folders()
    {
        Assert.Empty(Ok("Get-MauticFile -Directory images").Output);
        var up = Ok($"Add-MauticFile -Directory images/flags -Path '{Local("f.txt")}'").Output.Single();
        var r = Ok("Get-MauticFile images; Get-MauticFile images/flags -Name '*.txt', 'none'");
        Assert.Equal(["flags", (string)up.Properties["File"].Value], r.Output.Select(f => (string)f.Properties["File"].Value));
        Assert.Equal(["images", "images/flags"], r.Output.Select(f => (string)f.Properties["Directory"].Value));
        Assert.Contains(r.Requests, q => q.Path == "/api/files/images.flags");

        var bad = Run("Get-MauticFile images/nothing; Get-MauticFile videos");
        Assert.Equal(2, bad.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal("images/nothing", bad.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[1].CategoryInfo.Category);
        Assert.Equal("videos", bad.Errors[1].TargetObject);
        Assert.DoesNotContain(bad.Requests, q => q.Path.StartsWith("/api/files/videos"));
    }

    [Fact]
    [Covers("Remove-MauticFile")]
    public void Remove_takes_piped_files_asks_first_and_reports_a_missing_one()
    {
        var f = Ok($"Add-MauticFile -Directory images -Path '{Local("r.txt")}'").Output.Single();
        var name = (string)f.Properties["File"].Value;
        var w = Ok($"Remove-MauticFile -Directory images -Name {name} -WhatIf");
        Assert.Empty(w.Requests.Where(q => q.Method == "DELETE"));

        var r = Ok($"Get-MauticFile images | Remove-MauticFile -Force -PassThru");
        Assert.Equal(name, Assert.Single(r.Output).Properties["File"].Value);
        Assert.Single(r.Requests, q => q.Method == "DELETE" && q.Path == $"/api/files/images/{name}/delete");
        lock (State.Sync) Assert.False(State.Media.Folders["images"].ContainsKey(name));

        var gone = Run($"Remove-MauticFile -Directory images -Name {name}, 'a/b' -Force");
        Assert.Equal(2, gone.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, gone.Errors[0].CategoryInfo.Category);
        Assert.Equal(name, gone.Errors[0].TargetObject);
        Assert.Contains(name, gone.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidArgument, gone.Errors[1].CategoryInfo.Category);
    }

    [Fact]
    [Covers("Get-MauticTheme")]
    public void Get_lists_the_themes_with_their_key_as_Name()
    {
        var all = Ok("Get-MauticTheme").Output;
        Assert.Equal(18, all.Count);
        var blank = all.Single(t => (string)t.Properties["Name"].Value == "blank");
        Assert.Equal("Mautic.Theme", blank.TypeNames[0]);
        Assert.Equal("Blank", blank.Properties["Title"].Value);
        Assert.Equal(true, blank.Properties["BuiltIn"].Value);
        Assert.Equal(false, blank.Properties["Hidden"].Value);
        Assert.Equal(new object[] { "page", "email", "form" }, PsResult.Items(blank.Properties["Features"].Value));

        var r = Run("Get-MauticTheme 'fresh-*', nosuch");
        Assert.Equal(4, r.Output.Count);
        Assert.Equal("nosuch", r.SingleError(ErrorCategory.ObjectNotFound, "nosuch").TargetObject);
    }

    [Fact]
    [Covers("Save-MauticTheme", "Path")]
    public void Save_writes_theme_zip_into_a_folder_and_replaces_only_with_Force()
    {
        var r = Ok($"Get-MauticTheme blank | Save-MauticTheme -Path '{_dir}'");
        var file = Assert.IsType<FileInfo>(Assert.Single(r.Output).BaseObject);
        Assert.Equal(Path.Combine(_dir, "blank.zip"), file.FullName);
        using (var zip = ZipFile.OpenRead(file.FullName))
            Assert.Contains(zip.Entries, e => e.FullName == "html/message.html.twig");

        var again = Run($"Save-MauticTheme blank -Path '{_dir}'");
        Assert.Equal(ErrorCategory.ResourceExists, again.SingleError(ErrorCategory.ResourceExists, file.FullName).CategoryInfo.Category);
        Assert.Empty(again.Requests.Where(q => q.Path == "/api/themes/blank"));
        Ok($"Save-MauticTheme blank -Path '{_dir}' -Force");

        var here = Ok($"$ExecutionContext.SessionState.Path.SetLocation('{_dir}') | Out-Null; Save-MauticTheme aurora; $ExecutionContext.SessionState.Path.SetLocation('/') | Out-Null");
        Assert.Equal(Path.Combine(_dir, "aurora.zip"), ((FileInfo)here.Output.Single().BaseObject).FullName);

        var bad = Run($"Save-MauticTheme nosuch -Path '{_dir}'; Save-MauticTheme blank -Path '{_dir}/no/such/folder/x.zip'");
        Assert.Equal(2, bad.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal("nosuch", bad.Errors[0].TargetObject);
        Assert.DoesNotContain("/var/www", bad.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[1].CategoryInfo.Category);
        Assert.Equal(["aurora.zip", "blank.zip"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    [Covers("Save-MauticTheme", "LiteralPath")]
    public void Save_to_a_literal_file_name_and_a_large_theme_shows_download_progress()
    {
        var r = Ok($"Save-MauticTheme blank -LiteralPath '{_dir}/copy[1].zip' -WhatIf; Save-MauticTheme blank -LiteralPath '{_dir}/copy[1].zip'");
        Assert.Equal(Path.Combine(_dir, "copy[1].zip"), ((FileInfo)Assert.Single(r.Output).BaseObject).FullName);
        Assert.Single(r.Requests, q => q.Path == "/api/themes/blank");
        Assert.Empty(r.Progress.Where(p => p.ActivityId == ActivityId));

        // A theme with a 2 MiB picture: its zip is above the progress threshold.
        var zip = ThemeZip("big", 2 * 1024 * 1024);
        Ok($"Add-MauticTheme -LiteralPath '{zip}'");
        var big = Ok($"Save-MauticTheme big -LiteralPath '{_dir}/big-copy.zip'");
        var progress = big.Progress.Where(p => p.ActivityId == ActivityId).ToList();
        Assert.True(progress.Count >= 2);
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.Contains(progress, p => p.PercentComplete == 100);
        using var copy = ZipFile.OpenRead(Path.Combine(_dir, "big-copy.zip"));
        Assert.Equal(2 * 1024 * 1024, copy.GetEntry("thumbnail.png")!.Length);
    }

    /// <summary>A minimal valid theme zip (config.json, html/message.html.twig) with a random picture of the given size.</summary>
    string ThemeZip(string name, int pictureBytes)
    {
        var path = Path.Combine(_dir, name + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string entry, byte[] bytes) { using var s = zip.CreateEntry(entry).Open(); s.Write(bytes); }
        Add("config.json", Encoding.UTF8.GetBytes($"{{\"name\":\"Theme {name}\",\"author\":\"Tests\",\"authorUrl\":\"https://example.com\",\"features\":[\"email\"]}}"));
        Add("html/message.html.twig", Encoding.UTF8.GetBytes("{{ message }}"));
        Add("html/email.html.twig", Encoding.UTF8.GetBytes("<p>{{ content }}</p>"));
        var picture = new byte[pictureBytes];
        Random.Shared.NextBytes(picture);
        Add("thumbnail.png", picture);
        return path;
    }

    [Fact]
    [Covers("Add-MauticTheme", "Path")]
    public void Add_installs_a_zip_under_its_name_and_refuses_existing_built_in_and_non_zip_files()
    {
        var zip = ThemeZip("mine", 1000);
        var r = Ok($"Add-MauticTheme -Path '{_dir}/mi*.zip'");
        var t = Assert.Single(r.Output);
        Assert.Equal("Mautic.Theme", t.TypeNames[0]);
        Assert.Equal("mine", t.Properties["Name"].Value);
        Assert.Equal("Theme mine", t.Properties["Title"].Value);
        Assert.Equal(false, t.Properties["BuiltIn"].Value);
        lock (State.Sync) Assert.Equal(Sha(zip), State.Media.Received.Single().Sha256);

        var again = Run($"Add-MauticTheme -Path '{zip}'; Add-MauticTheme -Path '{zip}' -Name blank -Force; Add-MauticTheme -Path '{Local("notes.txt")}'");
        Assert.Equal(3, again.Errors.Count);
        Assert.All(again.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.Contains("-Force", again.Errors[0].Exception.Message);
        Assert.Contains("built-in", again.Errors[1].Exception.Message);
        Assert.Contains(".zip", again.Errors[2].Exception.Message);
        Assert.Equal(zip, again.Errors[0].TargetObject);
        Assert.Empty(again.Requests.Where(q => q.Method == "POST"));

        var forced = Ok($"Add-MauticTheme -Path '{zip}' -Force");
        Assert.Single(forced.Requests, q => q.Path == "/api/themes/new");
        Assert.Empty(Ok($"Add-MauticTheme -Path '{zip}' -Name other -WhatIf").Requests.Where(q => q.Method == "POST"));
    }

    [Fact]
    [Covers("Add-MauticTheme", "LiteralPath")]
    public void A_saved_theme_pipes_into_Add_under_a_new_name_and_a_zip_without_required_files_is_Mauticss_error()
    {
        var r = Ok($"Save-MauticTheme blank -Path '{_dir}' | Add-MauticTheme -Name blank-copy");
        Assert.Equal("blank-copy", Assert.Single(r.Output).Properties["Name"].Value);
        Assert.Contains(r.Requests, q => q.Path == "/api/themes/new" && q.Body.Contains("filename=\"blank-copy.zip\""));

        var empty = Path.Combine(_dir, "empty.zip");
        using (var z = ZipFile.Open(empty, ZipArchiveMode.Create)) z.CreateEntry("readme.txt");
        var bad = Run($"Add-MauticTheme -LiteralPath '{empty}'");
        var e = Assert.Single(bad.Errors);
        Assert.Equal(empty, e.TargetObject);
        Assert.Contains("config.json", e.Exception.Message);
    }

    [Fact]
    [Covers("Remove-MauticTheme")]
    public void Remove_deletes_a_custom_theme_and_refuses_built_in_and_unknown_ones()
    {
        Ok($"Add-MauticTheme -LiteralPath '{ThemeZip("gone", 10)}'");
        Assert.Empty(Ok("Remove-MauticTheme gone -WhatIf").Requests.Where(q => q.Method == "DELETE"));
        var r = Ok("Get-MauticTheme gone | Remove-MauticTheme -Force -PassThru");
        Assert.Equal("gone", Assert.Single(r.Output).Properties["Name"].Value);
        Assert.Single(r.Requests, q => q.Method == "DELETE" && q.Path == "/api/themes/gone/delete");
        lock (State.Sync) Assert.False(State.Media.Themes.ContainsKey("gone"));

        var bad = Run("Remove-MauticTheme gone, blank -Force");
        Assert.Equal(2, bad.Errors.Count);
        Assert.Single(bad.Requests, q => q.Method == "GET" && q.Path == "/api/themes");
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal("gone", bad.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[1].CategoryInfo.Category);
        Assert.Equal("blank", bad.Errors[1].TargetObject);
        Assert.Empty(bad.Requests.Where(q => q.Method == "DELETE"));
        lock (State.Sync) Assert.False(State.Media.Themes["blank"].Hidden);

        // piped names share one listing, and a theme deleted earlier in the pipeline counts as gone
        Ok($"Add-MauticTheme -LiteralPath '{ThemeZip("gone2", 10)}'; Add-MauticTheme -LiteralPath '{ThemeZip("gone3", 10)}'");
        var piped = Run("'gone2', 'gone3', 'gone2' | Remove-MauticTheme -Force");
        Assert.Single(piped.Requests, q => q.Method == "GET" && q.Path == "/api/themes");
        Assert.Equal(2, piped.Requests.Count(q => q.Method == "DELETE"));
        Assert.Equal("gone2", Assert.Single(piped.Errors).TargetObject);
    }

    void IDisposable.Dispose()
    {
        Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
