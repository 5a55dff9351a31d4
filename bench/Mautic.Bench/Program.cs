using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using Mautic.Bench;
using Mautic.FakeServer;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// The benchmark of issue 16 (bench/README.md says how to run it and what each column is).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--serve-fake")) return ServeFake(args);
// The soak of issue 19 (Soak.cs): writes and reads through the fault proxy, faults at random, then state compared.
if (args.Contains("--soak")) return Soak.Run(args, FindRepoRoot());

Options o;
try { o = Options.Parse(args); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }

var root = FindRepoRoot();
var manifest = Path.Combine(root, "out", "Mautic", "Mautic.psd1");
if (!File.Exists(manifest)) { Console.Error.WriteLine($"{manifest} is missing: build the module first (dotnet build MauticPS.sln -c Release)."); return 2; }

var runId = Guid.NewGuid().ToString("N")[..8];
var failures = new List<string>();
var report = new StringBuilder();
var started = DateTime.UtcNow;
report.AppendLine($"# MauticPS benchmark, {started:yyyy-MM-dd HH:mm} UTC{(o.Small ? " (small: correctness only)" : "")}");
report.AppendLine();
report.AppendLine("Client machine: " + Machine());
report.AppendLine();
report.AppendLine($"Run id {runId}: every contact it creates has an e-mail ending in `.r{runId}.example.com`, and all of them are deleted at the end.");
report.AppendLine();

foreach (var target in o.N > 0 ? o.Targets(runId) : [])
{
    FakeMauticServer? fake = null;
    var t = target;
    if (t.Url == "")
    {
        fake = FakeMauticServer.Start();
        if (t.Modelled) fake.State.Service = new ServiceModel();
        t = t with { Url = fake.BaseUrl, User = fake.State.AdminUser, Password = fake.State.AdminPassword, ClientId = fake.State.ClientId, ClientSecret = fake.State.ClientSecret };
    }
    try
    {
        report.AppendLine($"## {t.Name}: {o.N} contacts");
        report.AppendLine();
        if (fake != null && t.Modelled)
        {
            var m = fake.State.Service!;
            report.AppendLine($"Service-time model: {m.BasicSeconds} s of server CPU per HTTP Basic request, {m.BearerSeconds} s per Bearer request, " +
                $"{m.WriteSecondsPerRecord * 1000:0.#} ms per contact written, {m.ReadSecondsPerRecord * 1000:0.#} ms per contact listed, " +
                $"{m.DeleteSecondsPerRecord * 1000:0.#} ms per contact deleted; {m.Workers} workers sharing {m.Cores} cores.");
            report.AppendLine();
        }
        foreach (var auth in o.Auths)
        {
            if (auth == Auth.OAuth2 && (t.ClientId == null || t.ClientSecret == null))
            {
                report.AppendLine($"### {auth}: not run (MAUTIC_CLIENT_ID and MAUTIC_CLIENT_SECRET are not set)");
                report.AppendLine();
                continue;
            }
            var table = new Bench(t, auth, o, manifest, runId, failures).Run();
            report.Append(table);
        }
    }
    finally { fake?.Dispose(); }
}

if (o.ListN > 0) report.Append(Memory.Run(o, manifest, runId, failures));
if (o.SyncN > 0) foreach (var target in o.Targets(runId)) report.Append(Files.Sync(target, o, manifest, runId, failures));
if (o.ImportN > 0) report.Append(Files.Import(o, manifest, runId, failures));

if (failures.Count > 0)
{
    report.AppendLine("## Wrong counts");
    report.AppendLine();
    foreach (var f in failures) report.AppendLine("- " + f);
    report.AppendLine();
}
report.AppendLine($"Took {(DateTime.UtcNow - started).TotalMinutes:0.0} min.");
Console.Write(report);
if (o.Write)
{
    var dir = Path.Combine(root, "bench", "results");
    Directory.CreateDirectory(dir);
    var file = Path.Combine(dir, $"bench-{started:yyyyMMdd-HHmm}.md");
    File.WriteAllText(file, report.ToString());
    Console.WriteLine($"Written to {file}");
}
Console.WriteLine(failures.Count == 0 ? "Bench: every phase's counts are right." : $"Bench: {failures.Count} phase(s) with wrong counts.");
return failures.Count == 0 ? 0 : 1;

// The fake in a process of its own with contacts seeded (the memory run measures the client alone): prints its URL,
// serves until its standard input closes.
static int ServeFake(string[] args)
{
    var seed = int.Parse(Options.Value(args, "--seed") ?? "0", CultureInfo.InvariantCulture);
    var domain = Options.Value(args, "--domain") ?? "seed.example.com";
    using var server = FakeMauticServer.Start();
    server.State.SeedContacts(seed, domain);
    Console.WriteLine(server.BaseUrl);
    Console.Out.Flush();
    Console.In.ReadToEnd();
    return 0;
}

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
    var mem = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
    return $"{Environment.ProcessorCount} cores (nproc), CPU {cpu ?? "unknown"}, {mem ?? "? kB"} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, PowerShell {typeof(PSObject).Assembly.GetName().Version} hosted in process " +
        $"(System.Management.Automation; the module as pwsh 7 loads it).";
}

static string FindRepoRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir != null && !File.Exists(Path.Combine(dir, "MauticPS.sln"))) dir = Path.GetDirectoryName(dir);
    return dir ?? Directory.GetCurrentDirectory();
}

namespace Mautic.Bench
{
    /// <summary>The command line (bench/README.md).</summary>
    public sealed class Options
    {
        public int N = 1000;
        public bool Small;
        public bool Real;
        public bool Fake = true;
        public bool Model = true;
        public int NaiveSample = 50;
        public int ListN = 100_000;
        /// <summary>Rows of the sync phase (1% of them changed); 0 leaves it out.</summary>
        public int SyncN = 10_000;
        /// <summary>Rows of the CSV import phase (the working set at a tenth and at the end); 0 leaves it out.</summary>
        public int ImportN = 100_000;
        public bool Write = true;
        /// <summary>Runs the module with -ThrottleLimit 1 too (--no-serial leaves it out: the targets compare the defaults).</summary>
        public bool Serial = true;
        public List<Auth> Auths = [Auth.Basic, Auth.OAuth2];

        public static string? Value(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        static int Count(string[] args, string name, int fallback)
        {
            var v = Value(args, name);
            if (v == null) return fallback;
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) throw new ArgumentException($"{name} takes a whole number, not '{v}'.");
            return n;
        }

        public static Options Parse(string[] args)
        {
            var known = new HashSet<string> { "-n", "--small", "--target", "--auth", "--naive-sample", "--list", "--sync", "--import", "--no-model", "--no-write", "--no-serial" };
            for (var i = 0; i < args.Length; i++)
            {
                if (!known.Contains(args[i])) throw new ArgumentException($"Unknown argument '{args[i]}'. Use: [-n N] [--target fake|real|both|none] [--auth basic|oauth2|both] [--naive-sample K] [--list M] [--sync S] [--import I] [--no-model] [--no-write] [--no-serial] [--small]");
                if (args[i] is "-n" or "--target" or "--auth" or "--naive-sample" or "--list" or "--sync" or "--import") i++;
            }
            var o = new Options();
            if (args.Contains("--small"))
            {
                // CI: correctness only, against the fake without the model; nothing written to bench/results.
                o.Small = true; o.N = 50; o.NaiveSample = 10; o.ListN = 2000; o.SyncN = 400; o.ImportN = 2000; o.Model = false; o.Write = false;
            }
            o.N = Count(args, "-n", o.N);
            o.NaiveSample = Math.Max(1, Math.Min(o.N, Count(args, "--naive-sample", o.NaiveSample)));
            o.ListN = Count(args, "--list", o.ListN);
            o.SyncN = Count(args, "--sync", o.SyncN);
            o.ImportN = Count(args, "--import", o.ImportN);
            if (args.Contains("--no-model")) o.Model = false;
            if (args.Contains("--no-write")) o.Write = false;
            if (args.Contains("--no-serial")) o.Serial = false;
            if (o.N < 0) throw new ArgumentException("-n must be 0 (the write phases left out) or more.");
            if (o.NaiveSample < 1) throw new ArgumentException("--naive-sample must be at least 1.");
            switch (Value(args, "--target") ?? "fake")
            {
                case "fake": break;
                case "none": o.Fake = false; break;   // the listing (--list) alone
                case "real": o.Fake = false; o.Real = true; break;
                case "both": o.Real = true; break;
                case var v: throw new ArgumentException($"--target is fake, real or both, not '{v}'.");
            }
            o.Auths = (Value(args, "--auth") ?? "both") switch
            {
                "basic" => [Auth.Basic],
                "oauth2" => [Auth.OAuth2],
                "both" => [Auth.Basic, Auth.OAuth2],
                var v => throw new ArgumentException($"--auth is basic, oauth2 or both, not '{v}'."),
            };
            return o;
        }

        /// <summary>The servers to run against: the fake (its URL filled in once started) and the real Mautic MAUTIC_URL names, on loopback only.</summary>
        public IEnumerable<Target> Targets(string runId)
        {
            if (Fake)
                yield return new Target(Model ? "Fake Mautic with the service-time model" : "Fake Mautic without the service-time model (correctness only; times say nothing of a real server)",
                    "", "", "", null, null, Model);
            if (!Real) yield break;
            var url = Environment.GetEnvironmentVariable("MAUTIC_URL");
            if (string.IsNullOrEmpty(url)) throw new ArgumentException("--target real needs MAUTIC_URL (and MAUTIC_USER, MAUTIC_PASSWORD; MAUTIC_CLIENT_ID and MAUTIC_CLIENT_SECRET for OAuth2).");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
                throw new ArgumentException($"MAUTIC_URL '{url}' is not on loopback: the benchmark creates and deletes thousands of contacts and only runs against a Mautic on this machine (127.0.0.1, localhost).");
            var password = Environment.GetEnvironmentVariable("MAUTIC_PASSWORD") ?? Environment.GetEnvironmentVariable("MAUTIC_PASS");
            var user = Environment.GetEnvironmentVariable("MAUTIC_USER");
            if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password)) throw new ArgumentException("--target real needs MAUTIC_USER and MAUTIC_PASSWORD (or MAUTIC_PASS) for HTTP Basic.");
            yield return new Target($"Real Mautic at {url}", url, user, password,
                Environment.GetEnvironmentVariable("MAUTIC_CLIENT_ID") is { Length: > 0 } id ? id : null,
                Environment.GetEnvironmentVariable("MAUTIC_CLIENT_SECRET") is { Length: > 0 } secret ? secret : null, false);
        }
    }

    /// <summary>One target under one auth scheme: naive, raw floor, module serial and module default, for create, update, list and delete.</summary>
    public sealed class Bench(Target t, Auth auth, Options o, string manifest, string runId, List<string> failures)
    {
        readonly string _all = $"email:%.r{runId}.example.com";

        string Domain(string mode) => $"{mode}-{auth.ToString().ToLowerInvariant()}.r{runId}.example.com";
        string Search(string mode) => $"email:%@{Domain(mode)}";

        void Check(string what, long expected, long actual)
        {
            if (expected != actual) failures.Add($"{t.Name}, {auth}, {what}: expected {expected}, got {actual}");
        }

        static double Time(Action a)
        {
            var sw = Stopwatch.StartNew();
            a();
            return sw.Elapsed.TotalSeconds;
        }

        public string Run()
        {
            using var raw = new Raw(t, auth);
            var naive = new Dictionary<string, double>();
            var floor = new Dictionary<string, double>();
            var serial = new Dictionary<string, double>();
            var deflt = new Dictionary<string, double>();
            string listNote;
            var n = o.N;
            var k = o.NaiveSample;
            try
            {
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {t.Name}, {auth}: naive loop on a sample of {k}");
                // The naive loop: one request per contact, timed on a sample and scaled to N.
                var nContacts = Enumerable.Range(1, k).Select(i => Raw.Contact($"n{i}@{Domain("naive")}", i)).ToList();
                List<long> nIds = [];
                naive["create"] = Time(() => nIds = raw.CreateEach(nContacts)) * n / k;
                Check("naive create", k, nIds.Count);
                var edited = 0;
                naive["update"] = Time(() => edited = raw.EditEach(nIds, "Naive")) * n / k;
                Check("naive update", k, edited);
                var deleted = 0;
                naive["delete"] = Time(() => deleted = raw.DeleteEach(nIds)) * n / k;
                Check("naive delete", k, deleted);

                // The raw serial batched floor: 200 per request, one request at a time.
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {t.Name}, {auth}: raw serial batched floor, {n}");
                var rContacts = Enumerable.Range(1, n).Select(i => Raw.Contact($"r{i}@{Domain("raw")}", i)).ToList();
                List<long> rIds = [];
                floor["create"] = Time(() => rIds = raw.CreateBatched(rContacts));
                Check("raw create", n, rIds.Count);
                floor["update"] = Time(() => edited = raw.EditBatched(rIds, "Raw"));
                Check("raw update", n, edited);
                // The server's best page size: Mautic does not cap a list's limit; 500 and 1000 are tried, the faster counts.
                var sizes = new[] { 500, 1000 }.Where(s => s == 500 || n > 500).ToList();
                var byPage = new Dictionary<int, double>();
                foreach (var size in sizes)
                {
                    var listed = 0;
                    byPage[size] = Time(() => listed = raw.ListKeyset(Search("raw"), size).Count);
                    Check($"raw list, pages of {size}", n, listed);
                }
                var best = byPage.MinBy(kv => kv.Value);
                floor["list"] = best.Value;
                listNote = string.Join(", ", byPage.Select(kv => $"{kv.Key}: {kv.Value:0.00} s"));
                // A naive listing: Mautic's default page of 30, by offset, sampled like the naive writes.
                var pages = (k + 29) / 30;
                var read = 0;
                var sampleTime = Time(() => read = raw.ListOffset(Search("raw"), pages));
                Check("naive list sample", Math.Min(n, pages * 30), read);
                naive["list"] = sampleTime / Math.Max(1, read) * n;
                floor["delete"] = Time(() => deleted = raw.DeleteBatched(rIds));
                Check("raw delete", n, deleted);

                // The module: the real cmdlets, serial (-ThrottleLimit 1) and with their defaults.
                using var module = new Module(manifest, t, auth);
                foreach (var (mode, times, limit) in new[] { ("serial", serial, (int?)1), ("default", deflt, null) })
                {
                    if (limit != null && !o.Serial) continue;
                    Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {t.Name}, {auth}: module {mode}, {n}");
                    var input = Enumerable.Range(1, n).Select(i =>
                    {
                        var p = new PSObject();
                        p.Properties.Add(new PSNoteProperty("Email", $"m{i}@{Domain(mode)}"));
                        p.Properties.Add(new PSNoteProperty("FirstName", "Bench"));
                        p.Properties.Add(new PSNoteProperty("LastName", "N" + i));
                        return p;
                    }).ToList();
                    PowerShell WithLimit(PowerShell ps) => limit is int l ? ps.AddParameter("ThrottleLimit", l) : ps;

                    var create = module.Invoke(ps => WithLimit(ps.AddCommand("New-MauticContact")), input);
                    times["create"] = create.Seconds;
                    var ids = create.Output.Select(r => Convert.ToInt64(Module.Prop(r, "id"), CultureInfo.InvariantCulture)).ToList();
                    Check($"module {mode} create", n, ids.Count);
                    Check($"module {mode} create errors", 0, create.Errors.Count);

                    var changes = ids.Select(id =>
                    {
                        var p = new PSObject();
                        p.Properties.Add(new PSNoteProperty("Id", id));
                        p.Properties.Add(new PSNoteProperty("city", "Module"));
                        return p;
                    }).ToList();
                    var update = module.Invoke(ps => WithLimit(ps.AddCommand("Set-MauticContact")), changes);
                    times["update"] = update.Seconds;
                    Check($"module {mode} update errors", 0, update.Errors.Count);

                    if (limit == null)
                    {
                        // Get-MauticContact has no -ThrottleLimit: listed once, with its defaults. Each contact must show the update.
                        var listed = 0;
                        var changed = 0;
                        var list = module.Invoke(ps => ps.AddCommand("Get-MauticContact").AddParameter("Search", Search(mode)),
                            each: r => { listed++; if ((Module.Prop(r, "city") as string) == "Module") changed++; });
                        times["list"] = list.Seconds;
                        Check($"module {mode} list", n, listed);
                        Check($"module {mode} list, contacts showing the update", n, changed);
                        Check($"module {mode} list errors", 0, list.Errors.Count);
                    }

                    var delete = module.Invoke(ps => WithLimit(ps.AddCommand("Remove-MauticContact").AddParameter("Force")), ids.Cast<object>().ToList());
                    times["delete"] = delete.Seconds;
                    Check($"module {mode} delete errors", 0, delete.Errors.Count);
                    Check($"module {mode} left after delete", 0, raw.ListKeyset(Search(mode), 500).Count);
                }
            }
            finally
            {
                // Whatever a failed phase left behind.
                var left = raw.ListKeyset(_all, 500);
                if (left.Count > 0) raw.DeleteBatched(left);
            }
            return Table(n, k, naive, floor, serial, deflt, listNote);
        }

        string Table(int n, int k, Dictionary<string, double> naive, Dictionary<string, double> floor,
            Dictionary<string, double> serial, Dictionary<string, double> deflt, string listNote)
        {
            var sb = new StringBuilder();
            static string S(Dictionary<string, double> d, string key) => d.TryGetValue(key, out var v) ? $"{v:0.00} s" : "not run";
            static string X(double a, double b) => $"{a / b:0.00}x";
            sb.AppendLine($"### {auth}{(auth == Auth.OAuth2 ? " client credentials" : "")}, {n} contacts");
            sb.AppendLine();
            sb.AppendLine("| work | naive loop, one request per contact* | raw serial batched floor | module, -ThrottleLimit 1 | module, defaults | speed-up of defaults over floor | speed-up of defaults over naive |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var w in new[] { "create", "update", "list", "delete" })
            {
                var vsFloor = w == "list" ? $"{X(floor[w], deflt[w])} (module takes {deflt[w] / floor[w]:0.00}x the raw time)" : X(floor[w], deflt[w]);
                sb.AppendLine($"| {w} | {S(naive, w)} | {S(floor, w)} | {(w == "list" ? "(no -ThrottleLimit)" : S(serial, w))} | {S(deflt, w)} | {vsFloor} | {X(naive[w], deflt[w])} |");
            }
            double Sum(Dictionary<string, double> d) => d["create"] + d["delete"];
            sb.AppendLine($"| create + delete | {Sum(naive):0.00} s | {Sum(floor):0.00} s | {(o.Serial ? $"{Sum(serial):0.00} s" : "—")} | {Sum(deflt):0.00} s | {X(Sum(floor), Sum(deflt))} | {X(Sum(naive), Sum(deflt))} |");
            sb.AppendLine();
            sb.AppendLine($"\\* Naive: POST contacts/new, PATCH contacts/{{id}}/edit, DELETE contacts/{{id}}/delete one contact per request, timed on {k} contacts and scaled to {n}; " +
                $"its listing reads pages of 30 (Mautic's default) by offset, timed on the first {(k + 29) / 30} page(s) and scaled. The raw floor sends batch/new, batch/edit (PATCH with ids) and " +
                $"batch/delete with 200 per request, one request at a time, and lists by id (keyset) at the faster page size of {listNote}. The module is New-, Set-, Get- and Remove-MauticContact -Force " +
                "fed from the pipeline in this process.");
            sb.AppendLine();
            var cd = Sum(floor) / Sum(deflt);
            var naiveTarget = auth == Auth.Basic ? 25 : 5;
            var cdNaive = Sum(naive) / Sum(deflt);
            var list = deflt["list"] / floor["list"];
            if (t.Name.StartsWith("Fake", StringComparison.Ordinal) && !t.Modelled)
            {
                sb.AppendLine("Targets not judged: the fake without the service-time model answers at once, so these times say nothing of a real server (counts are checked).");
                sb.AppendLine();
                return sb.ToString();
            }
            sb.AppendLine($"Targets (issue 16, stated for 10,000 contacts on the real server; this run: {n} on {(t.Modelled ? "the fake with the service-time model" : t.Name)}):");
            sb.AppendLine();
            sb.AppendLine($"- create + delete, module defaults vs the serial floor: {cd:0.00}x faster (target at least 1.5x): {(cd >= 1.5 ? "met" : "NOT met")}");
            sb.AppendLine($"- create + delete, module defaults vs the naive loop: {cdNaive:0.0}x faster (target at least {naiveTarget}x under {auth}): {(cdNaive >= naiveTarget ? "met" : "NOT met")}");
            sb.AppendLine($"- listing, module vs the raw loop at the best page size: {list:0.00}x its time (target at most 1.1x): {(list <= 1.1 ? "met" : "NOT met")}");
            sb.AppendLine();
            return sb.ToString();
        }
    }

    /// <summary>
    /// Listing many contacts from the fake, which runs in a process of its own so this one holds the client alone: the
    /// working set at a tenth of the way and at the end, and the client's CPU per contact against a bare Newtonsoft
    /// parse of the same pages.
    /// </summary>
    public static class Memory
    {
        public static string Run(Options o, string manifest, string runId, List<string> failures)
        {
            var n = o.ListN;
            Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] memory: seeding {n} contacts in a fake of its own");
            using var fake = new ChildFake("--seed", n.ToString(CultureInfo.InvariantCulture), "--domain", $"seed.r{runId}.example.com");
            // The fake's answers are the same whichever scheme; Basic avoids a token.
            var t = fake.Target;
            using var module = new Module(manifest, t, Auth.Basic);
            var me = Process.GetCurrentProcess();
            long Ws() { me.Refresh(); return me.WorkingSet64; }
            GC.Collect();
            var tenth = Math.Max(1, n / 10);
            long wsStart = Ws(), wsTenth = 0, wsEnd = 0, heapTenth = 0, heapEnd = 0;
            var count = 0;
            // At each mark: the working set as it is, then what the managed heap holds after a full collection
            // (what is kept, as against what the collector has not yet given back).
            var listing = module.Invoke(ps => ps.AddCommand("Get-MauticContact"), each: _ =>
            {
                count++;
                if (count == tenth) { wsTenth = Ws(); heapTenth = GC.GetTotalMemory(true); }
                if (count == n) { wsEnd = Ws(); heapEnd = GC.GetTotalMemory(true); }
            });
            if (count != n) failures.Add($"memory run: listed {count} of {n}");
            if (listing.Errors.Count > 0) failures.Add($"memory run: {listing.Errors.Count} error(s), the first: {listing.Errors[0]}");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;

            // The same pages (500, by id) with a bare HttpClient, each parsed by Newtonsoft into a JToken: the parse alone is timed.
            using var raw = new Raw(t, Auth.Basic);
            var parse = TimeSpan.Zero;
            var bytes = 0L;
            var rawCount = raw.ListKeyset(null, 500, page =>
            {
                bytes += page.Length;
                var sw = Stopwatch.StartNew();
                using var reader = new JsonTextReader(new StreamReader(new MemoryStream(page)));
                JToken.ReadFrom(reader);
                parse += sw.Elapsed;
            }).Count;
            if (rawCount != n) failures.Add($"memory run: the raw listing read {rawCount} of {n}");

            var growth = wsTenth == 0 ? double.NaN : (double)(wsEnd - wsTenth) / wsTenth;
            var cpuPer = listing.CpuSeconds / Math.Max(1, count) * 1000;
            var parsePer = parse.TotalSeconds / Math.Max(1, rawCount) * 1000;
            var sb = new StringBuilder();
            sb.AppendLine($"## Listing {n} contacts from the fake (no service-time model; the fake in a process of its own)");
            sb.AppendLine();
            sb.AppendLine("| measure | value |");
            sb.AppendLine("|---|---:|");
            sb.AppendLine($"| working set before the listing | {wsStart / 1048576.0:0} MB |");
            sb.AppendLine($"| working set at {tenth} contacts | {wsTenth / 1048576.0:0} MB |");
            sb.AppendLine($"| working set at {n} contacts | {wsEnd / 1048576.0:0} MB |");
            string Judged(bool met) => o.Small ? "not judged in a small run" : met ? "met" : "NOT met";
            sb.AppendLine($"| growth from {tenth} to {n} (target under 10%) | {growth:+0.0%;-0.0%} ({Judged(growth < 0.10)}) |");
            sb.AppendLine($"| managed heap after a full collection, at {tenth} and at {n} | {heapTenth / 1048576.0:0} MB, {heapEnd / 1048576.0:0} MB |");
            sb.AppendLine($"| peak working set of the process | {peak / 1048576.0:0} MB |");
            sb.AppendLine($"| Get-MauticContact, wall time | {listing.Seconds:0.0} s ({count / listing.Seconds:0} contacts/s) |");
            sb.AppendLine($"| client CPU per contact listed (the whole process: HTTP, parse, objects, pipeline, GC) | {cpuPer:0.000} ms |");
            sb.AppendLine($"| bare Newtonsoft parse of the same pages ({bytes / 1048576.0:0} MB, pages of 500) per contact | {parsePer:0.000} ms |");
            sb.AppendLine($"| module CPU vs bare parse (target at most 1.5x) | {cpuPer / parsePer:0.00}x ({Judged(cpuPer / parsePer <= 1.5)}) |");
            sb.AppendLine();
            return sb.ToString();
        }
    }
}

/// <summary>
/// A fake Mautic in a process of its own (this program with --serve-fake and the given arguments), so that the measuring
/// process holds the client alone; stopped on Dispose (its input closed, killed after 10 s).
/// </summary>
public sealed class ChildFake : IDisposable
{
    readonly Process _child;

    public ChildFake(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ChildFake).Assembly.Location);
        start.ArgumentList.Add("--serve-fake");
        foreach (var a in args) start.ArgumentList.Add(a);
        _child = Process.Start(start)!;
        try { Url = _child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the fake did not start"); }
        catch { Dispose(); throw; }
    }

    public string Url { get; }

    /// <summary>The fake as a benchmark target (its admin, Basic).</summary>
    public Target Target => new("fake", Url, "admin", new FakeState().AdminPassword, null, null, false);

    public void Dispose()
    {
        _child.StandardInput.Close();
        if (!_child.WaitForExit(10_000)) _child.Kill();
        _child.Dispose();
    }
}
