using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Mautic.Client;
using Mautic.Client.Auth;
using Mautic.Client.Batching;
using Mautic.Client.Paging;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;

// Measures the client against the in-process fake Mautic on loopback: what paging and batching cost in
// requests and time. Numbers are for comparing versions of this code on one machine, not a real server's speed.
var contacts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var runs = 3;
var report = new StringBuilder();
report.AppendLine($"# MauticPS benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Fake Mautic in process on 127.0.0.1; best of {runs} runs.");
report.AppendLine();

using var server = FakeMauticServer.Start();
MauticConnection Connect() => MauticConnection.Open(new MauticClientOptions
{
    BaseUrl = server.BaseUrl,
    Authenticator = new BasicAuthenticator(new NetworkCredential(server.State.AdminUser, server.State.AdminPassword)),
});
using var conn = Connect();

double Best(Action action)
{
    var best = double.MaxValue;
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    return best;
}

void Reset() { lock (server.State.Sync) { server.State.Contacts.Clear(); } }

JObject Payload(int i) => new() { ["email"] = $"bench{i}@example.com", ["firstname"] = "Bench", ["lastname"] = "N" + i };

foreach (var (latency, n, repeat) in new[] { (0, contacts, runs), (20, contacts / 3, 1) })
{
    server.State.LatencyMs = latency;
    runs = repeat;
    var where = latency == 0 ? "loopback, no added latency" : $"{latency} ms added to every request (a nearby real server)";

    // 1. creating contacts: one request each vs the 200-per-request BulkWriter
    report.AppendLine($"## Creating {n} contacts, {where}");
    report.AppendLine();
    report.AppendLine("| route | requests | seconds | contacts/s |");
    report.AppendLine("| --- | ---: | ---: | ---: |");
    var single = Best(() =>
    {
        Reset();
        for (var i = 0; i < n; i++) conn.Contacts.Create(new[] { new WriteItem<int>(i, Payload(i)) }).ToList();
    });
    report.AppendLine($"| POST contacts/new, one each | {n} | {single:0.00} | {n / single:0} |");
    var batched = Best(() =>
    {
        Reset();
        var writer = new BulkWriter<int>(items => conn.Contacts.Create(items));
        for (var i = 0; i < n; i++) writer.Add(new WriteItem<int>(i, Payload(i)));
        writer.Complete();
    });
    report.AppendLine($"| POST contacts/batch/new, 200 each | {(n + 199) / 200} | {batched:0.00} | {n / batched:0} |");
    report.AppendLine();

    // 2. listing every contact at several page sizes (key-set paging ordered by id)
    report.AppendLine($"## Listing {n} contacts, {where}");
    report.AppendLine();
    report.AppendLine("| page size | requests | seconds | contacts/s |");
    report.AppendLine("| ---: | ---: | ---: | ---: |");
    foreach (var size in new[] { 30, 100, 500 })
    {
        var requests = 0;
        var count = 0;
        var t = Best(() =>
        {
            var pager = conn.Contacts.List(new ListQuery { PageSize = size });
            count = pager.Count();
            requests = pager.Requests;
        });
        if (count != n) throw new InvalidOperationException($"listed {count} of {n}");
        report.AppendLine($"| {size} | {requests} | {t:0.00} | {n / t:0} |");
    }
    report.AppendLine();
}

var dir = Path.Combine(FindRepoRoot(), "bench", "results");
Directory.CreateDirectory(dir);
var file = Path.Combine(dir, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
File.WriteAllText(file, report.ToString());
Console.Write(report);
Console.WriteLine($"Written to {file}");

static string FindRepoRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir != null && !File.Exists(Path.Combine(dir, "MauticPS.sln"))) dir = Path.GetDirectoryName(dir);
    return dir ?? Directory.GetCurrentDirectory();
}
