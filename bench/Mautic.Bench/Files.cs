using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using Mautic.FakeServer;

namespace Mautic.Bench;

/// <summary>
/// Issue 17's phases: Sync-MauticContact over S rows of which 1% changed (the requests counted by kind from the module's
/// own -Verbose lines), and Import-MauticContact of a CSV of I rows (the working set at a tenth of the rows and at the
/// end, the fake in a process of its own as the listing phase does).
/// </summary>
public static class Files
{
    static readonly Regex Call = new(@"^(GET|POST|PUT|PATCH|DELETE) \S*?/api/([^?\s]*)\S* -> \d+ in ", RegexOptions.Compiled);

    /// <summary>HTTP calls from -Verbose lines, as "METHOD path-kind" (ids replaced by {id}).</summary>
    static Dictionary<string, int> Calls(IEnumerable<string> verbose)
    {
        var calls = new Dictionary<string, int>();
        foreach (var v in verbose)
        {
            var m = Call.Match(v);
            if (!m.Success) continue;
            var kind = m.Groups[1].Value + " " + Regex.Replace(m.Groups[2].Value, @"/\d+(/|$)", "/{id}$1");
            calls[kind] = calls.GetValueOrDefault(kind) + 1;
        }
        return calls;
    }

    static PSObject Row(string email, string first, string last)
    {
        var o = new PSObject();
        o.Properties.Add(new PSNoteProperty("email", email));
        o.Properties.Add(new PSNoteProperty("firstname", first));
        o.Properties.Add(new PSNoteProperty("lastname", last));
        return o;
    }

    public static string Sync(Target target, Options o, string manifest, string runId, List<string> failures)
    {
        var n = o.SyncN;
        var auth = target.Url == "" || (target.ClientId != null && target.ClientSecret != null) ? Auth.OAuth2 : Auth.Basic;
        FakeMauticServer? fake = null;
        var t = target;
        if (t.Url == "")
        {
            fake = FakeMauticServer.Start();
            if (t.Modelled) fake.State.Service = new ServiceModel();
            t = t with { Url = fake.BaseUrl, User = fake.State.AdminUser, Password = fake.State.AdminPassword, ClientId = fake.State.ClientId, ClientSecret = fake.State.ClientSecret };
        }
        var domain = $"sync.r{runId}.example.com";
        var sb = new StringBuilder();
        sb.AppendLine($"## Sync-MauticContact: {n} rows, 1% changed ({t.Name}, {auth})");
        sb.AppendLine();
        try
        {
            using var module = new Module(manifest, t, auth);
            // The contacts as they are: seeded without HTTP on the fake; on a real Mautic, the first sync creates them.
            double? loadSeconds = null;
            string? loadCalls = null;
            if (fake != null) fake.State.SeedContacts(n, domain, "s");
            else
            {
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] sync: creating {n} contacts on {t.Name}");
                var load = module.Invoke(ps => ps.AddCommand("Sync-MauticContact").AddParameter("Verbose", true),
                    Enumerable.Range(1, n).Select(i => Row($"s{i}@{domain}", "Seed", "N" + i)).ToList());
                loadSeconds = load.Seconds;
                loadCalls = string.Join(", ", Calls(load.Verbose).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"));
                var created = load.Output.Count(r => (string?)Module.Prop(r, "Action") == "Created");
                if (created != n) failures.Add($"sync on {t.Name}: the first run created {created} of {n}");
            }
            Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] sync: {n} rows, 1% changed, on {t.Name}");
            var rows = Enumerable.Range(1, n).Select(i => Row($"s{i}@{domain}", "Seed", i % 100 == 0 ? "M" + i : "N" + i)).ToList();
            var run = module.Invoke(ps => ps.AddCommand("Sync-MauticContact").AddParameter("Verbose", true), rows);
            var calls = Calls(run.Verbose);
            var updated = run.Output.Count(r => (string?)Module.Prop(r, "Action") == "Updated");
            var unchanged = run.Output.Count(r => (string?)Module.Prop(r, "Action") == "Unchanged");
            var changed = n / 100;
            var lookups = calls.GetValueOrDefault("GET contacts");
            var fieldReads = calls.Where(kv => kv.Key.StartsWith("GET fields", StringComparison.Ordinal)).Sum(kv => kv.Value);
            var writes = calls.Where(kv => !kv.Key.StartsWith("GET", StringComparison.Ordinal)).Sum(kv => kv.Value);
            // Sync-MauticContact holds matched rows until their writes fill a batch of 200 or 2,000 rows wait: at most
            // one write per 2,000 rows plus one per 200 changes.
            var maxWrites = Math.Min(changed, (n + 1999) / 2000 + (changed + 199) / 200);
            var maxLookups = (n + 99) / 100;   // one match field (email, the only unique identifier of a stock Mautic)
            if (updated != changed || unchanged != n - changed || run.Errors.Count > 0)
                failures.Add($"sync on {t.Name}: {updated} updated (expected {changed}), {unchanged} unchanged (expected {n - changed}), {run.Errors.Count} error(s)");
            if (lookups > maxLookups) failures.Add($"sync on {t.Name}: {lookups} lookups, more than ceil({n}/100) = {maxLookups}");
            if (writes > maxWrites) failures.Add($"sync on {t.Name}: {writes} write requests for {changed} changed rows, more than {maxWrites}");

            sb.AppendLine("| measure | value |");
            sb.AppendLine("|---|---:|");
            if (loadSeconds.HasValue) sb.AppendLine($"| first run, creating all {n} (requests: {loadCalls}) | {loadSeconds:0.0} s |");
            sb.AppendLine($"| the 1% run: wall time | {run.Seconds:0.0} s ({n / run.Seconds:0} rows/s) |");
            sb.AppendLine($"| rows Updated / Unchanged / errors | {updated} / {unchanged} / {run.Errors.Count} |");
            sb.AppendLine($"| reads: contact lookups (where email in, 100 values each; at most ceil({n}/100) = {maxLookups}) | {lookups} ({(lookups <= maxLookups ? "met" : "NOT met")}) |");
            sb.AppendLine($"| reads: the contact field list | {fieldReads} |");
            sb.AppendLine($"| writes: requests for the {changed} changed rows (at most one per 2,000 rows held plus one per 200 changes: {maxWrites}) | {writes} ({(writes <= maxWrites ? "met" : "NOT met")}) |");
            sb.AppendLine($"| every request by kind | {string.Join(", ", calls.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))} |");
            sb.AppendLine($"| client CPU | {run.CpuSeconds:0.0} s |");
            sb.AppendLine();

            if (fake == null)
            {
                Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] sync: deleting the {n} contacts");
                using var raw = new Raw(t, auth);
                var ids = raw.ListKeyset($"email:%@{domain}", 1000);
                var deleted = raw.DeleteBatched(ids);
                if (deleted != n) failures.Add($"sync on {t.Name}: deleted {deleted} of {n}");
            }
        }
        catch (Exception e)
        {
            failures.Add($"sync on {t.Name}: {e.GetType().Name}: {e.Message}");
            if (fake == null)
            {
                try { using var raw = new Raw(t, auth); raw.DeleteBatched(raw.ListKeyset($"email:%@{domain}", 1000)); } catch (Exception) { }
            }
        }
        finally { fake?.Dispose(); }
        return sb.ToString();
    }

    /// <summary>A CSV of <paramref name="n"/> rows (email, firstname, lastname, city), some fields quoted.</summary>
    static string WriteCsv(int n, string domain)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mautic-import-{domain}.csv");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("email,firstname,lastname,city\r\n");
        for (var i = 1; i <= n; i++) w.Write($"i{i}@{domain},First {i},\"Last, {i}\",City {i % 50}\r\n");
        return path;
    }

    public static string Import(Options o, string manifest, string runId, List<string> failures)
    {
        var n = o.ImportN;
        var domain = $"import.r{runId}.example.com";
        var csv = WriteCsv(n, domain);
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] import: {n} rows ({new FileInfo(csv).Length / 1048576.0:0} MB) into a fake of its own");
        using var fake = new ChildFake("--seed", "0");
        try
        {
            var t = fake.Target;
            using var module = new Module(manifest, t, Auth.Basic);
            var me = Process.GetCurrentProcess();
            long Ws() { me.Refresh(); return me.WorkingSet64; }
            GC.Collect();
            var tenth = Math.Max(1, n / 10);
            long wsStart = Ws(), wsTenth = 0, wsEnd = 0, heapTenth = 0, heapEnd = 0, wsGcTenth = 0, wsGcEnd = 0;
            // The working set once the collector has compacted and given back what it can: what the import keeps, as
            // against the collector's slack (the raw working set is reported too).
            long Compacted()
            {
                System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, true, true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, true, true);
                return Ws();
            }
            // The highest working set the process has had so far: what the import needed up to that row, whatever
            // point of the collector's cycle a single reading happens to fall on.
            long Peak() { me.Refresh(); return me.PeakWorkingSet64; }
            long peakTenth = 0, peakEnd = 0;
            var step = Math.Max(1, n / 1000);
            var samples = new List<(int Rows, long Ws)>();
            var count = 0;
            var created = 0;
            var run = module.Invoke(ps => ps.AddCommand("Import-MauticContact").AddParameter("Path", csv), each: r =>
            {
                count++;
                if ((string?)Module.Prop(r, "Action") == "Created") created++;
                if (count % step == 0) samples.Add((count, Ws()));
                if (count == tenth) { wsTenth = Ws(); peakTenth = Peak(); heapTenth = GC.GetTotalMemory(true); wsGcTenth = Compacted(); }
                if (count == n) { wsEnd = Ws(); peakEnd = Peak(); heapEnd = GC.GetTotalMemory(true); wsGcEnd = Compacted(); }
            });
            if (created != n) failures.Add($"import: created {created} of {n}");
            if (run.Errors.Count > 0) failures.Add($"import: {run.Errors.Count} error(s), the first: {run.Errors[0]}");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            var growth = wsTenth == 0 ? double.NaN : (double)(wsEnd - wsTenth) / wsTenth;
            var growthGc = wsGcTenth == 0 ? double.NaN : (double)(wsGcEnd - wsGcTenth) / wsGcTenth;
            string Judged(bool met) => o.Small ? "not judged in a small run" : met ? "met" : "NOT met";
            var sb = new StringBuilder();
            sb.AppendLine($"## Import-MauticContact of a {n}-row CSV ({new FileInfo(csv).Length / 1048576.0:0.0} MB) into the fake (no service-time model; the fake in a process of its own)");
            sb.AppendLine();
            sb.AppendLine("| measure | value |");
            sb.AppendLine("|---|---:|");
            sb.AppendLine($"| working set before the import | {wsStart / 1048576.0:0} MB |");
            sb.AppendLine($"| working set at {tenth} rows | {wsTenth / 1048576.0:0} MB |");
            sb.AppendLine($"| working set at {n} rows | {wsEnd / 1048576.0:0} MB |");
            sb.AppendLine($"| growth from {tenth} to {n} rows, one reading each (it moves with the point of the collector's cycle a reading falls on) | {growth:+0.0%;-0.0%} |");
            // Judged: the highest reading in the first tenth of the rows against the highest in the last tenth, a reading
            // every thousandth of the rows, so that neither side is one arbitrary point of the collector's cycle.
            var early = samples.Where(x => x.Rows <= tenth).Select(x => x.Ws).DefaultIfEmpty().Max();
            var late = samples.Where(x => x.Rows > n - tenth).Select(x => x.Ws).DefaultIfEmpty().Max();
            var highGrowth = early == 0 ? double.NaN : (double)(late - early) / early;
            sb.AppendLine($"| highest working set of the readings every {step} rows, in the first {tenth} rows and in the last {tenth} | {early / 1048576.0:0} MB, {late / 1048576.0:0} MB |");
            sb.AppendLine($"| growth of that highest reading (target under 10%) | {highGrowth:+0.0%;-0.0%} ({Judged(highGrowth < 0.10)}) |");
            sb.AppendLine($"| peak working set of the process up to row {tenth} and up to row {n} (the process's: meaningful when the import is the first phase that runs) | {peakTenth / 1048576.0:0} MB, {peakEnd / 1048576.0:0} MB |");
            sb.AppendLine($"| working set after a compacting full collection, at {tenth} and at {n} rows | {wsGcTenth / 1048576.0:0} MB, {wsGcEnd / 1048576.0:0} MB |");
            sb.AppendLine($"| growth from {tenth} to {n} rows after a compacting full collection (target under 10%) | {growthGc:+0.0%;-0.0%} ({Judged(growthGc < 0.10)}) |");
            sb.AppendLine($"| managed heap after a full collection, at {tenth} and at {n} | {heapTenth / 1048576.0:0} MB, {heapEnd / 1048576.0:0} MB |");
            sb.AppendLine($"| peak working set of the process | {peak / 1048576.0:0} MB |");
            sb.AppendLine($"| wall time | {run.Seconds:0.0} s ({n / run.Seconds:0} rows/s) |");
            sb.AppendLine($"| client CPU per row (read, map, match, batch, results) | {run.CpuSeconds / n * 1000:0.000} ms |");
            sb.AppendLine();
            return sb.ToString();
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
