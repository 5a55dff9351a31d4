using System.Text.RegularExpressions;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>A script that makes the ledger's cmdlet call one route: <see cref="Method"/> and <see cref="Path"/> as the ledger writes them.</summary>
public sealed record RouteCase(string Method, string Path, string Script);

/// <summary>
/// The scripts of <see cref="RouteCoverageTests"/>. An area's routes live in a file of its own
/// (RouteCases.&lt;Area&gt;.cs): any static RouteCase[] field of this partial class is read. The ten routes of a generic
/// area of <see cref="EntityAreaTests.Areas"/> need no rows: <see cref="Generic"/> derives them, and an explicit row for
/// the same method and path replaces the derived one.
/// Scripts run one after another in one connected session against one fake server seeded with contacts 1-3 (contact 1
/// in segment 1; `$(Uid)` gives a unique name): a script may read seeded records, and changes or deletes only what it creates itself.
/// </summary>
public static partial class RouteCases
{
    /// <summary>The ten list/get/create/edit/delete routes of one generic area, each from the cmdlet and input that take it.</summary>
    /// <param name="template">The ledger's path when the route has a placeholder the cmdlet fills (fields/{object}).</param>
    public static IEnumerable<RouteCase> Generic(string noun, string route, string nameField, string? template = null)
    {
        var p = template ?? $"/api/{route}";
        // the fields the area requires besides its name: the default -Property each test runspace gives New-Mautic<Noun>
        static string Req(string n) => $"$req = $PSDefaultParameterValues['New-Mautic{n}:Property']; if (-not $req) {{ $req = @{{}} }}";
        string New(string tag) => $"$n = New-Mautic{noun} -Name \"rc-{tag}-$(Uid)\"";
        string Two(string tag) => $"$a = New-Mautic{noun} -Name \"rc-{tag}a-$(Uid)\"; $b = New-Mautic{noun} -Name \"rc-{tag}b-$(Uid)\"";
        yield return new("GET", p, $"Get-Mautic{noun} -First 1 | Out-Null");
        yield return new("GET", p + "/{id}", New("get") + $"; Get-Mautic{noun} -Id $n.Id");
        yield return new("POST", p + "/new", New("new"));
        yield return new("POST", p + "/batch/new", $"\"rc-b1-$(Uid)\", \"rc-b2-$(Uid)\" | ForEach-Object {{ [pscustomobject]@{{ {nameField} = $_ }} }} | New-Mautic{noun}");
        yield return new("PATCH", p + "/{id}/edit", New("patch") + $"; Set-Mautic{noun} -Id $n.Id -Name \"rc-patch2-$(Uid)\"");
        yield return new("PUT", p + "/{id}/edit", New("put") + $"; {Req(noun)}; Set-Mautic{noun} -Id $n.Id -Name \"rc-put2-$(Uid)\" -Property $req -Replace");
        yield return new("PATCH", p + "/batch/edit", Two("bpatch") + $"; $a, $b | ForEach-Object {{ [pscustomobject]@{{ Id = $_.Id; {nameField} = \"rc-bpatch2-$($_.Id)-$(Uid)\" }} }} | Set-Mautic{noun}");
        yield return new("PUT", p + "/batch/edit", Two("bput") + $"; {Req(noun)}; $a, $b | ForEach-Object {{ [pscustomobject]@{{ Id = $_.Id; {nameField} = \"rc-bput2-$(Uid)\" }} }} | Set-Mautic{noun} -Property $req -Replace");
        yield return new("DELETE", p + "/{id}/delete", New("del") + $"; Remove-Mautic{noun} -Id $n.Id -Force");
        yield return new("DELETE", p + "/batch/delete", Two("bdel") + $"; $a, $b | Remove-Mautic{noun} -Force");
    }

    /// <summary>Every explicit row, then every derived row whose method and path no explicit row has.</summary>
    public static IReadOnlyList<RouteCase> Every
    {
        get
        {
            var explicitRows = typeof(RouteCases)
                .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Where(f => f.FieldType == typeof(RouteCase[]))
                .SelectMany(f => (RouteCase[])f.GetValue(null)!).ToList();
            // an area whose route has a placeholder (fields/{object}) writes its rows itself
            var derived = EntityAreaTests.Areas.Where(a => LedgerRow.All.Any(r => r.Path == $"/api/{a.Route}"))
                .SelectMany(a => Generic(a.Noun, a.Route, a.NameField))
                .Where(d => !explicitRows.Any(e => e.Method == d.Method && e.Path == d.Path));
            return explicitRows.Concat(derived).ToList();
        }
    }
}

/// <summary>One ledger row: method, path template, cmdlet, parameter set or input.</summary>
public sealed record LedgerRow(string Method, string Path, string Cmdlet, string How)
{
    static readonly Lazy<IReadOnlyList<LedgerRow>> Rows = new(() =>
        File.ReadAllLines(System.IO.Path.Combine(PsSession.Root, "docs", "api-coverage.md"))
            .Where(l => l.StartsWith("| ") && l.Contains("`/api") && !l.Contains("`/api/v2/"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => new LedgerRow(c[1], c[2].Trim('`'), c[4], c[5])).ToList());

    public static IReadOnlyList<LedgerRow> All => Rows.Value;

    readonly Regex _pattern = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{[^}]+}", "[^/]+") + "$");

    /// <summary>Literal segments: where two templates match a path, the one with more literals is the route.</summary>
    public int Literals => Path.Split('/').Count(s => !s.StartsWith('{'));

    public bool Matches(string method, string path) => method == Method && _pattern.IsMatch(path);

    /// <summary>
    /// For a route Mautic 5.1 does not have (the documentation's legacy and deprecated names), the route its cmdlet
    /// calls instead: the row's last column says "alias of METHOD `path`". Null for every other row.
    /// </summary>
    public LedgerRow? AliasOf
    {
        get
        {
            var m = Regex.Match(How, @"^alias of (GET|POST|PUT|PATCH|DELETE) `([^`]+)`");
            return m.Success ? All.Single(r => r.Method == m.Groups[1].Value && r.Path == m.Groups[2].Value) : null;
        }
    }

    /// <summary>The ledger route a recorded request took (the most specific template matching it), or null.</summary>
    public static LedgerRow? Resolve(string method, string path) =>
        All.Where(r => r.Matches(method, path)).OrderByDescending(r => r.Literals).FirstOrDefault();
}

/// <summary>One session for every route case: a fake seeded with contacts 1-3 (1 in segment 1), connected with Basic.</summary>
public sealed class RouteCoverageFixture : IDisposable
{
    public PsSession Ps { get; } = new();

    public RouteCoverageFixture()
    {
        Ps.Seed(3);
        lock (Ps.State.Sync) Ps.State.Segments[1].Members.Add(1);
        Ps.Connect();
        Ps.Ok("function global:Uid { [guid]::NewGuid().ToString('n').Substring(0, 10) }");   // unique names: $(Uid)
    }

    public void Dispose() => Ps.Dispose();
}

/// <summary>
/// The coverage ledger, run: for every route docs/api-coverage.md gives a cmdlet, a script using that cmdlet
/// (<see cref="RouteCases"/>) runs against the fake server, succeeds, and the fake's request log shows that exact
/// method and route (a request to <c>/batch/delete</c> does not count for <c>/{id}/delete</c>).
/// </summary>
public sealed class RouteCoverageTests(RouteCoverageFixture f) : IClassFixture<RouteCoverageFixture>
{
    public static IEnumerable<object[]> MappedRoutes =>
        LedgerRow.All.Where(r => r.Cmdlet != "Invoke-MauticRequest").Select(r => new object[] { r.Method, r.Path });

    [Theory]
    [MemberData(nameof(MappedRoutes))]
    public void The_ledgers_cmdlet_calls_exactly_its_route(string method, string path)
    {
        var row = LedgerRow.All.Single(r => r.Method == method && r.Path == path);
        var called = row.AliasOf ?? row;   // an alias row's cmdlet must call the real route it names
        var cases = RouteCases.Every.Where(c => c.Method == method && c.Path == path).ToList();
        Assert.True(cases.Count == 1, cases.Count == 0
            ? $"No RouteCase for {method} {path} ({row.Cmdlet}): add one to RouteCases.<Area>.cs"
            : $"{cases.Count} RouteCases for {method} {path}");
        var script = cases[0].Script;
        Assert.True(Regex.IsMatch(script, $@"(^|[\s;|(]){Regex.Escape(row.Cmdlet)}\b"), $"The script for {method} {path} does not run {row.Cmdlet}: {script}");

        var r = f.Ps.Run(script);
        r.AssertClean();
        var taken = r.Requests.Where(q => q.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Select(q => LedgerRow.Resolve(q.Method, q.Path.Split('?')[0])).ToList();
        Assert.True(taken.Any(t => t == called),
            $"{row.Cmdlet} ({script}) did not call {called.Method} {called.Path}; it called: " +
            string.Join(", ", r.Requests.Select(q => q.Method + " " + q.Path)));
    }

    [Fact]
    public void Every_route_case_is_a_ledger_route_and_names_a_route_once()
    {
        var cases = RouteCases.Every;
        foreach (var c in cases)
            Assert.True(LedgerRow.All.Any(r => r.Method == c.Method && r.Path == c.Path), $"RouteCase {c.Method} {c.Path} is not a ledger route");
        var dup = cases.GroupBy(c => (c.Method, c.Path)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(dup.Count == 0, "Routes with more than one case: " + string.Join(", ", dup));
    }

    [Fact]
    public void Alias_rows_are_the_documentations_routes_that_Mautic_lacks_and_name_the_route_called_instead()
    {
        var aliases = LedgerRow.All.Where(r => r.AliasOf != null).Select(r => $"{r.Method} {r.Path} -> {r.AliasOf!.Path}").ToList();
        Assert.Equal(new[] { "GET /api/contacts/{id}/events -> /api/contacts/{id}/activity", "GET /api/leads -> /api/contacts", "POST /api/leads/new -> /api/contacts/new" }, aliases.Order());
    }

    [Fact]
    public void Resolution_prefers_the_literal_route()
    {
        Assert.Equal("/api/campaigns/batch/delete", LedgerRow.Resolve("DELETE", "/api/campaigns/batch/delete")!.Path);
        Assert.Equal("/api/campaigns/{id}/delete", LedgerRow.Resolve("DELETE", "/api/campaigns/7/delete")!.Path);
        Assert.Null(LedgerRow.Resolve("DELETE", "/api/nothing/7"));
    }
}
