using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mautic.FakeServer;

namespace Mautic.Bench;

/// <summary>
/// The soak of issue 19 (--soak; not a CI test): contact writes (creates, then edits of what was created) and reads
/// (full listings) through tests/Mautic.FaultProxy with faults injected at random, then the server's state, read
/// directly, compared with what the module reported: every output is a contact, no e-mail twice, no row reported
/// failed (not in doubt) that is there, every reported edit holds; and the process's memory after each phase.
/// Usage: --soak [--writes 20000] [--reads 20000] [--fault-rate 0.03] [--seed 1] [--target real|fake].
/// </summary>
public static class Soak
{
    sealed record Phase(string Name, int Rows, int Ok, int Failed, int Doubt, double Seconds, long WorkingSetMb, long ManagedMb);

    static int Int(string[] args, string name, int fallback) =>
        Options.Value(args, name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static int Run(string[] args, string root)
    {
        var writes = Int(args, "--writes", 20000);
        var reads = Int(args, "--reads", 20000);
        var rate = Options.Value(args, "--fault-rate") is string r ? double.Parse(r, CultureInfo.InvariantCulture) : 0.03;
        var seed = Int(args, "--seed", 1);
        var real = (Options.Value(args, "--target") ?? "real") == "real";
        var manifest = Path.Combine(root, "out", "Mautic", "Mautic.psd1");
        var proxyDll = Path.Combine(root, "tests", "Mautic.FaultProxy", "bin", "Release", "net10.0", "Mautic.FaultProxy.dll");
        foreach (var need in new[] { manifest, proxyDll })
            if (!File.Exists(need)) { Console.Error.WriteLine($"{need} is missing: build first (dotnet build MauticPS.sln -c Release)."); return 2; }

        FakeMauticServer? fake = null;
        Target t;
        if (real)
        {
            var url = Environment.GetEnvironmentVariable("MAUTIC_URL");
            var id = Environment.GetEnvironmentVariable("MAUTIC_CLIENT_ID");
            var secret = Environment.GetEnvironmentVariable("MAUTIC_CLIENT_SECRET");
            if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
            {
                Console.Error.WriteLine("--soak against the real Mautic needs MAUTIC_URL, MAUTIC_CLIENT_ID and MAUTIC_CLIENT_SECRET (or --target fake).");
                return 2;
            }
            t = new Target("real", url.TrimEnd('/'), "", "", id, secret, false);
        }
        else
        {
            fake = FakeMauticServer.Start();
            t = new Target("fake", fake.BaseUrl, fake.State.AdminUser, fake.State.AdminPassword, fake.State.ClientId, fake.State.ClientSecret, false);
        }

        var runId = Guid.NewGuid().ToString("N")[..8];
        var domain = $"soak.r{runId}.example.com";
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var phases = new List<Phase>();
        var problems = new List<string>();
        var report = new StringBuilder();
        Process? proxy = null;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            proxy = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { proxyDll, "--upstream", t.Url, "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true, UseShellExecute = false,
            })!;
            var proxyUrl = proxy.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The fault proxy did not start.");
            // Its log lines are not needed here (GET /__fault/log has them): drain them so it never blocks on a full pipe.
            _ = Task.Run(() => { while (proxy.StandardOutput.ReadLine() != null) { } });

            void Arm(string method, string path, params (string Kind, JsonObject Extra)[] kinds)
            {
                foreach (var (kind, extra) in kinds)
                {
                    var rule = new JsonObject { ["kind"] = kind, ["method"] = method, ["path"] = path, ["count"] = 0, ["probability"] = rate };
                    foreach (var kv in extra) rule[kv.Key] = kv.Value?.DeepClone();
                    http.PostAsync(proxyUrl + "/__fault/arm", new StringContent(rule.ToJsonString(), Encoding.UTF8, "application/json")).Result.EnsureSuccessStatusCode();
                }
            }
            JsonObject S(int status, bool forward = false) => new() { ["status"] = status, ["forward"] = forward };
            Arm("POST", "^/api/contacts/batch/new", ("ResetBefore", []), ("ResetAfter", []), ("ResetMiddle", []), ("Truncate", []), ("Status", S(503)),
                ("StallAfter", new JsonObject { ["holdMs"] = 60000 }), ("StallBefore", new JsonObject { ["holdMs"] = 60000 }),
                ("Status", S(502)), ("Status", S(504, true)), ("ErrorIn200", []), ("Trickle", new JsonObject { ["bytes"] = 4096, ["delayMs"] = 20 }));
            Arm("PATCH", "^/api/contacts/batch/edit", ("ResetBefore", []), ("ResetAfter", []), ("Status", S(502)), ("Status", S(504, true)), ("Status", S(503)));
            Arm("GET", "^/api/contacts\\?", ("StallBefore", new JsonObject { ["holdMs"] = 60000 }), ("ResetBefore", []), ("ResetMiddle", []), ("Truncate", []), ("Status", S(502)), ("Status", S(503)),
                ("Status", S(504)), ("Trickle", new JsonObject { ["bytes"] = 8192, ["delayMs"] = 20 }));

            using var via = new Module(manifest, t with { Url = proxyUrl }, Auth.OAuth2);
            var cred = new PSCredential(t.ClientId!, new NetworkCredential("", t.ClientSecret!).SecurePassword);
            via.Invoke(p => p.AddCommand("Connect-Mautic").AddParameter("Url", proxyUrl).AddParameter("ClientCredential", cred)
                .AddParameter("MaxRetries", 3).AddParameter("RetryDelaySec", 0.5).AddParameter("TimeoutSec", 20));
            using var direct = new Module(manifest, t, Auth.OAuth2);

            Phase Measure(string name, int rows, int ok, int failed, int doubt, double seconds)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                using var me = Process.GetCurrentProcess();
                var phase = new Phase(name, rows, ok, failed, doubt, seconds, me.WorkingSet64 / (1024 * 1024), GC.GetTotalMemory(false) / (1024 * 1024));
                phases.Add(phase);
                Console.WriteLine($"Soak: {phase}");
                return phase;
            }
            static bool InDoubt(ErrorRecord e) =>
                (e.Exception.Message.Contains("in doubt") || e.Exception.Message.Contains("may have processed it") || e.Exception.Message.Contains("may have saved it"))
                && !e.Exception.Message.Contains("did not save this contact");
            static string Email(object? target) => target is PSObject p ? (string)p.Properties["email"].Value : target?.ToString() ?? "";

            // 1. Creates: half the writes, piped, 200 per request; rows reported failed (not in doubt) are sent again,
            // up to three rounds, as a runbook would.
            var creates = writes / 2;
            var made = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            var failedRows = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var doubtRows = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = Enumerable.Range(0, creates).Select(i => $"s{i}@{domain}").ToList();
            for (var round = 1; round <= 3 && pending.Count > 0; round++)
            {
                var rows = pending.Select(e =>
                {
                    var o = new PSObject();
                    o.Properties.Add(new PSNoteProperty("email", e));
                    o.Properties.Add(new PSNoteProperty("firstname", "Soak"));
                    return o;
                }).ToList();
                var run = via.Invoke(p => p.AddCommand("New-MauticContact"), rows, o => made[(string)Module.Prop(o, "email")!] = Convert.ToInt64(Module.Prop(o, "id"), CultureInfo.InvariantCulture));
                failedRows.Clear();
                foreach (var e in run.Errors)
                {
                    if (InDoubt(e)) doubtRows.Add(Email(e.TargetObject));
                    else failedRows.Add(Email(e.TargetObject));
                }
                Measure($"create, round {round}", rows.Count, rows.Count - run.Errors.Count, run.Errors.Count(e => !InDoubt(e)), run.Errors.Count(InDoubt), run.Seconds);
                pending = failedRows.ToList();
            }

            // 2. Edits: the other half of the writes, over the contacts made (several passes when there are fewer).
            var ids = made.Values.ToList();
            var edits = writes - creates;
            var edited = new Dictionary<long, string>();
            var editFailed = new HashSet<long>();
            var editDoubt = new HashSet<long>();
            for (var done = 0; done < edits && ids.Count > 0;)
            {
                var n = Math.Min(ids.Count, edits - done);
                var city = $"Soak {done / Math.Max(1, ids.Count)}";
                var rows = ids.Take(n).Select(id => { var o = new PSObject(); o.Properties.Add(new PSNoteProperty("Id", id)); return o; }).ToList();
                var run = via.Invoke(p => p.AddCommand("Set-MauticContact").AddParameter("Property", new Hashtable { ["city"] = city }).AddParameter("PassThru", true), rows,
                    o => edited[Convert.ToInt64(Module.Prop(o, "id"), CultureInfo.InvariantCulture)] = city);
                foreach (var e in run.Errors)
                {
                    var target = e.TargetObject is PSObject p && p.Properties["Id"] is PSPropertyInfo idp ? idp.Value : e.TargetObject is PSObject q ? q.BaseObject : e.TargetObject;
                    var id = Convert.ToInt64(target, CultureInfo.InvariantCulture);
                    edited.Remove(id);
                    (InDoubt(e) ? editDoubt : editFailed).Add(id);
                }
                Measure($"edit, {n} contacts", n, n - run.Errors.Count, run.Errors.Count(e => !InDoubt(e)), run.Errors.Count(InDoubt), run.Seconds);
                done += n;
            }

            // 3. Reads: full listings of the run's contacts, through the proxy, until as many records as asked were read.
            var read = 0;
            var listings = 0;
            var listFailures = 0;
            var readClock = Stopwatch.StartNew();
            while (read < reads && made.Count > 0)
            {
                var seen = new HashSet<long>();
                var dup = 0;
                var run = via.Invoke(p => p.AddCommand("Get-MauticContact").AddParameter("Search", $"email:%@{domain}").AddParameter("PageSize", 500), null,
                    o => { if (!seen.Add(Convert.ToInt64(Module.Prop(o, "id"), CultureInfo.InvariantCulture))) dup++; });
                listings++;
                read += seen.Count + dup;
                if (run.Errors.Count > 0) { listFailures++; Console.WriteLine($"Soak: listing {listings} failed: {run.Errors[0].Exception.Message}"); }
                else if (dup > 0 || seen.Count < made.Count)
                    problems.Add($"Listing {listings} read {seen.Count} contacts ({dup} twice) of at least {made.Count}, without an error.");
            }
            Measure($"read, {listings} listings", read, read, listFailures, 0, readClock.Elapsed.TotalSeconds);

            // 4. The server's state, read directly.
            var there = new Dictionary<string, List<PSObject>>(StringComparer.OrdinalIgnoreCase);
            direct.Invoke(p => p.AddCommand("Get-MauticContact").AddParameter("Search", $"email:%@{domain}").AddParameter("PageSize", 500), null, o =>
            {
                var e = (string)Module.Prop(o, "email")!;
                if (!there.TryGetValue(e, out var l)) there[e] = l = [];
                l.Add(o);
            });
            var twice = there.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToList();
            var missing = made.Keys.Where(e => !there.ContainsKey(e)).ToList();
            var failedThere = failedRows.Where(there.ContainsKey).ToList();
            var doubtThere = doubtRows.Count(e => there.ContainsKey(e) && !made.ContainsKey(e));
            var unreported = there.Keys.Where(e => !made.ContainsKey(e) && !doubtRows.Contains(e)).ToList();
            var byId = there.Values.SelectMany(l => l).ToDictionary(o => Convert.ToInt64(Module.Prop(o, "id"), CultureInfo.InvariantCulture));
            var editLost = edited.Where(kv => !byId.TryGetValue(kv.Key, out var c) || (string?)Module.Prop(c, "city") != kv.Value).Select(kv => kv.Key).ToList();
            if (twice.Count > 0) problems.Add($"{twice.Count} e-mail(s) twice on the server, e.g. {twice[0]}.");
            if (missing.Count > 0) problems.Add($"{missing.Count} contact(s) reported created are not on the server, e.g. {missing[0]}.");
            if (failedThere.Count > 0) problems.Add($"{failedThere.Count} row(s) reported failed (not in doubt) are on the server, e.g. {failedThere[0]}.");
            if (unreported.Count > 0) problems.Add($"{unreported.Count} contact(s) on the server were reported neither created nor in doubt, e.g. {unreported[0]}.");
            if (editLost.Count > 0) problems.Add($"{editLost.Count} contact(s) reported edited do not hold the edit, e.g. {editLost[0]}.");

            // The faults the proxy applied, from its log.
            var log = JsonNode.Parse(http.GetStringAsync(proxyUrl + "/__fault/log").Result)!.AsArray();
            var faults = log.Where(e => e?["fault"] != null)
                .GroupBy(e => $"{e!["method"]} {(string)e["fault"]!}{(e["fault"]!.ToString() == "Status" ? " " + e["status"] : "")}{((bool)e["forwarded"]! ? " (forwarded)" : "")}")
                .OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

            // 5. Cleanup, directly.
            var cleanup = Stopwatch.StartNew();
            var all = byId.Keys.Select(id => { var x = new PSObject(); x.Properties.Add(new PSNoteProperty("Id", id)); return x; }).ToList();
            var onServer = there.Count;
            there.Clear();
            byId.Clear();
            var removed = direct.Invoke(p => p.AddCommand("Remove-MauticContact").AddParameter("Force", true), all, _ => { });
            if (removed.Errors.Count > 0) problems.Add($"Cleanup: {removed.Errors.Count} contact(s) not deleted, e.g. {removed.Errors[0].Exception.Message}");
            Measure("cleanup (direct)", all.Count, all.Count - removed.Errors.Count, removed.Errors.Count, 0, cleanup.Elapsed.TotalSeconds);

            report.AppendLine($"# MauticPS soak, {started:yyyy-MM-dd HH:mm} UTC");
            report.AppendLine();
            report.AppendLine($"Target: {(real ? "the real Mautic at " + t.Url : "the fake Mautic")}, OAuth2, through tests/Mautic.FaultProxy (seed {seed}), " +
                $"each fault kind armed with probability {rate.ToString(CultureInfo.InvariantCulture)} per matching request. Connection: -MaxRetries 3 -RetryDelaySec 0.5 -TimeoutSec 20. Run id {runId} (e-mails at `{domain}`).");
            report.AppendLine();
            report.AppendLine($"Asked: {writes} contact writes ({creates} creates, {edits} edits) and {reads} contact reads. Took {clock.Elapsed.TotalMinutes:0.0} min.");
            report.AppendLine();
            report.AppendLine("| phase | rows | ok | failed | in doubt | seconds | working set (MB) | managed heap (MB) |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var ph in phases) report.AppendLine($"| {ph.Name} | {ph.Rows} | {ph.Ok} | {ph.Failed} | {ph.Doubt} | {ph.Seconds:0.0} | {ph.WorkingSetMb} | {ph.ManagedMb} |");
            report.AppendLine();
            report.AppendLine($"Server state (read directly): {onServer} contacts of the run; created and reported: {made.Count}; e-mails twice: {twice.Count}; " +
                $"reported created but missing: {missing.Count}; still failed after 3 rounds: {failedRows.Count} (on the server: {failedThere.Count}); " +
                $"in doubt: {doubtRows.Count} ({doubtThere} of them on the server without a later success); edits reported: {edited.Count} (not holding: {editLost.Count}), " +
                $"edits failed: {editFailed.Count}, in doubt: {editDoubt.Count}.");
            report.AppendLine();
            report.AppendLine($"Requests through the proxy: {log.Count}; faults applied: {faults.Sum(f => f.Item2)}.");
            report.AppendLine();
            report.AppendLine("| fault | times |");
            report.AppendLine("|---|---:|");
            foreach (var (k, n) in faults) report.AppendLine($"| {k} | {n} |");
            report.AppendLine();
            report.AppendLine(problems.Count == 0 ? "Every row accounted for: the server holds what the module reported." : "## Problems\n\n" + string.Join("\n", problems.Select(p => "- " + p)));
        }
        finally
        {
            if (proxy != null && !proxy.HasExited) proxy.Kill();
            fake?.Dispose();
        }
        Console.Write(report);
        var dir = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"soak-{started:yyyyMMdd-HHmm}.md");
        File.WriteAllText(file, report.ToString());
        Console.WriteLine($"Written to {file}");
        return problems.Count == 0 ? 0 : 1;
    }
}
