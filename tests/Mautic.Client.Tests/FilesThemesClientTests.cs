using System.IO.Compression;
using Xunit;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Mautic.Client;
using Mautic.Client.Operations;
using Mautic.FakeServer;

namespace Mautic.Client.Tests;

/// <summary>The client's streamed transfers against the fake's files and themes routes, and their failure rules.</summary>
public sealed class FilesThemesClientTests : FakeServerTest, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("mautic-ft-").FullName;

    /// <summary>A PNG-signed file of random bytes (the fake, like Mautic, names it .png from its content).</summary>
    string BigPng(int bytes)
    {
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        var path = Path.Combine(_dir, "big.png");
        File.WriteAllBytes(path, data);
        return path;
    }

    [Fact]
    public void An_upload_is_streamed_in_chunks_with_a_length_and_arrives_whole()
    {
        var path = BigPng(3 * 1024 * 1024 + 17);
        using var c = Connect();
        var calls = new List<(long Done, long? Total)>();
        var file = c.Files.Upload("images", path, (d, t) => { lock (calls) calls.Add((d, t)); });

        Assert.Matches("^[0-9a-f]{32}\\.png$", (string)file["File"]!);
        Assert.Equal("images", file["Directory"]);
        Assert.Equal(3L * 1024 * 1024 + 17, file["Length"]);
        Assert.StartsWith(Server.BaseUrl + "/media/images/", (string)file["Link"]!);   // the doubled port repaired
        var got = Assert.Single(State.Media.Received);
        Assert.Equal(new FileInfo(path).Length, got.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), got.Sha256);
        Assert.True(calls.Count > 30, $"{calls.Count} progress calls");   // 80 KiB chunks
        Assert.Equal(new FileInfo(path).Length, calls[^1].Done);
        Assert.All(calls, x => Assert.Equal(new FileInfo(path).Length, x.Total));
        Assert.Equal(calls.Select(x => x.Done).OrderBy(x => x), calls.Select(x => x.Done));
        Assert.Contains("uploading big.png", AllLog);
    }

    [Fact]
    public void A_dropped_upload_is_not_sent_again()
    {
        var path = BigPng(200_000);
        using var c = Connect();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/files/", Kind = FaultKind.Drop });
        var e = Assert.Throws<MauticApiException>(() => c.Files.Upload("images", path));
        Assert.Equal(MauticErrorKind.Connection, e.Kind);
        Assert.Single(State.Requests, r => r.Path == "/api/files/images/new");
        Assert.Empty(State.Media.Received);
    }

    [Fact]
    public void A_theme_downloads_to_its_file_with_progress_and_leaves_nothing_else()
    {
        using var c = Connect();
        var target = Path.Combine(_dir, "blank.zip");
        var calls = new List<long>();
        var bytes = c.Themes.Download("blank", target, (d, _) => calls.Add(d));
        Assert.Equal(new FileInfo(target).Length, bytes);
        Assert.Equal(bytes, calls[^1]);
        using (var zip = ZipFile.OpenRead(target))
            Assert.Contains(zip.Entries, e => e.FullName == "config.json");
        Assert.Equal(["blank.zip"], Directory.GetFiles(_dir).Select(Path.GetFileName));

        var missing = Assert.Throws<MauticApiException>(() => c.Themes.Download("nosuch", Path.Combine(_dir, "x.zip")));
        Assert.Equal(MauticErrorKind.NotFound, missing.Kind);
        Assert.Contains("nosuch", missing.Message);
        Assert.DoesNotContain("/var/www", missing.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "x.zip")));
    }

    [Fact]
    public void A_download_cut_off_leaves_no_partial_file_and_the_old_file_untouched()
    {
        var target = Path.Combine(_dir, "theme.zip");
        File.WriteAllText(target, "old");
        var handler = new CutOffHandler();
        using var client = new MauticClient(new MauticClientOptions
        {
            BaseUrl = "http://127.0.0.1:1", Handler = handler, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1),
        });
        var e = Assert.Throws<MauticApiException>(() => client.Send(new MauticRequest(HttpMethod.Get, "themes/blank") { DownloadTo = target }));
        Assert.Equal(2, handler.Calls);   // a GET is retried by the usual rules
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["theme.zip"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_theme_uploads_under_a_name_and_a_built_in_or_existing_name_is_refused_before_sending()
    {
        using var c = Connect();
        var zip = Path.Combine(_dir, "blank.zip");
        c.Themes.Download("blank", zip);
        var t = c.Themes.Upload(zip, "my-copy");
        Assert.Equal("my-copy", t["Name"]);
        Assert.Equal("Blank", t["Title"]);
        Assert.Equal(false, t["BuiltIn"]);
        Assert.Equal(new FileInfo(zip).Length, State.Media.Received.Single().Length);

        var builtIn = Assert.Throws<MauticApiException>(() => c.Themes.Upload(zip));
        Assert.Equal(MauticErrorKind.InvalidArgument, builtIn.Kind);
        var exists = Assert.Throws<MauticApiException>(() => c.Themes.Upload(zip, "my-copy"));
        Assert.Contains("-Force", exists.Message);
        Assert.Single(State.Requests, r => r.Path == "/api/themes/new");
        c.Themes.Upload(zip, "my-copy", replace: true);
        c.Themes.Delete("my-copy");
        Assert.Null(c.Themes.Find("my-copy"));
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => c.Themes.Delete("my-copy")).Kind);
    }

    [Fact]
    public void Folders_are_images_or_media_with_subfolders_and_the_list_hides_dot_files()
    {
        Assert.Equal(("media", "media"), FileService.Folder("assets"));
        Assert.Equal(("images/flags/x_1", "images.flags.x_1"), FileService.Folder("images\\flags/x_1/"));
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => FileService.Folder("videos")).Kind);
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => FileService.Folder("images/../x")).Kind);

        using var c = Connect();
        Assert.Empty(c.Files.List("images"));
        var a = c.Files.Upload("images/flags", BigPng(100));   // Mautic creates a missing last subfolder
        Assert.Equal("images/flags", a["Directory"]);
        Assert.Equal(["flags"], c.Files.List("images").Select(f => (string)f["File"]!));
        Assert.Equal([(string)a["File"]!], c.Files.List("images/flags").Select(f => (string)f["File"]!));
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => c.Files.List("images/nothing")).Kind);
        c.Files.Delete("images/flags", (string)a["File"]!);
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => c.Files.Delete("images/flags", (string)a["File"]!)).Kind);
    }

    public new void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Answers every request with a zip that breaks off after 100 KB of its announced 1 MB.</summary>
    sealed class CutOffHandler : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            var content = new StreamContent(new BreakingStream(100_000));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            content.Headers.ContentLength = 1_000_000;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    sealed class BreakingStream(int limit) : Stream
    {
        int _sent;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= limit) throw new IOException("The connection was reset.");
            var n = Math.Min(count, limit - _sent);
            _sent += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
