using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Mautic.Module.Tests;

/// <summary>
/// The ledger's v2 table (docs/api-coverage.md, "### The v2 API (/api/v2)") against Mautic 7.0.0's OpenAPI document
/// (docs/reference/mautic-7.0.0-openapi.json): one row per operation, each naming an exported cmdlet or `none yet`.
/// </summary>
public sealed class ApiV2LedgerTests(ModuleFixture m) : IClassFixture<ModuleFixture>
{
    /// <summary>The operations no cmdlet does yet. A gap may only close: remove its id here when a cmdlet does it.</summary>
    static readonly string[] NoneYet =
    {
    };


    sealed record Operation(string Method, string Path, string Id);

    sealed record Row(string Method, string Path, string Id, string Cmdlet, string Through, string How);

    IReadOnlyList<Operation> Operations(out int paths)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(m.RepoRoot, "docs", "reference", "mautic-7.0.0-openapi.json")));
        var ops = new List<Operation>();
        paths = 0;
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            paths++;
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                ops.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value.GetProperty("operationId").GetString()!));
        }
        return ops;
    }

    string[] LedgerLines => File.ReadAllLines(Path.Combine(m.RepoRoot, "docs", "api-coverage.md"));

    /// <summary>The table rows of the "### The v2 API" section (up to the next heading).</summary>
    IReadOnlyList<Row> Rows()
    {
        var section = LedgerLines.SkipWhile(l => !l.StartsWith("### The v2 API", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith('#')).ToList();
        Assert.True(section.Count > 0, "docs/api-coverage.md has no '### The v2 API' section");
        var header = section.First(l => l.StartsWith("| ", StringComparison.Ordinal));
        Assert.Equal("| method | path | operationId | cmdlet | through | how |", header);
        return section.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("`/api/v2/"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c =>
            {
                Assert.True(c.Length == 8, $"A v2 row has {c.Length - 2} columns, not 6: {string.Join("|", c)}");
                return new Row(c[1], c[2].Trim('`'), c[3], c[4], c[5], c[6]);
            }).ToList();
    }

    /// <summary>The 5.1 table's rows: method, path template, cmdlet.</summary>
    IReadOnlyList<(string Method, string Path, string Cmdlet)> V1Rows() =>
        CoverageLedgerTests.V51Lines(LedgerLines).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("`/api"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).Select(c => (c[1], c[2].Trim('`'), c[4])).ToList();

    [Fact]
    public void The_document_is_Mautic_7_0_0s_and_the_section_states_its_size()
    {
        var ops = Operations(out var paths);
        var resources = ops.Select(o => o.Path.Split('/')[3]).Distinct().Count();
        Assert.Equal((66, 190, 33), (paths, ops.Count, resources));
        Assert.Equal(ops.Count, ops.Select(o => o.Id).Distinct().Count());
        Assert.Contains($"{paths} paths, {ops.Count} operations, {resources} resources", string.Join(" ", LedgerLines));
    }

    [Fact]
    public void Every_operation_has_one_row_and_every_row_is_an_operation()
    {
        var ops = Operations(out _).ToHashSet();
        var rows = Rows();
        var keys = rows.Select(r => new Operation(r.Method, r.Path, r.Id)).ToList();
        var twice = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key.Id).ToList();
        Assert.True(twice.Count == 0, "Operations with more than one row: " + string.Join(", ", twice));
        var missing = ops.Except(keys).Select(o => $"{o.Method} {o.Path} ({o.Id})").ToList();
        Assert.True(missing.Count == 0, "Operations of the document without a row: " + string.Join(", ", missing));
        var unknown = keys.Except(ops).Select(o => $"{o.Method} {o.Path} ({o.Id})").ToList();
        Assert.True(unknown.Count == 0, "Rows that are no operation of the document (method, path and operationId together): " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_row_names_an_exported_cmdlet_or_is_an_expected_gap()
    {
        var exported = m.ExportedCmdlets.ToHashSet();
        var rows = Rows();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            if (r.Cmdlet == "none yet")
            {
                Assert.True(r.Through == "-", $"{r.Id}: a `none yet` row goes through nothing ('-'), not '{r.Through}'");
                Assert.False(string.IsNullOrWhiteSpace(r.How), $"{r.Id}: a `none yet` row says in 'how' what a cmdlet would be");
                continue;
            }
            Assert.True(r.Through is "v1" or "v2", $"{r.Id}: through is v1 or v2, not '{r.Through}'");
            Assert.True(exported.Contains(r.Cmdlet), $"{r.Id}: {r.Cmdlet} is not exported by the module");
        }
        var gaps = rows.Where(r => r.Cmdlet == "none yet").Select(r => r.Id).Order().ToList();
        Assert.True(NoneYet.Order().SequenceEqual(gaps),
            $"The `none yet` rows ({string.Join(", ", gaps)}) are not the expected gaps ({string.Join(", ", NoneYet.Order())}): " +
            "a gap closes by naming the cmdlet and removing the id from NoneYet; a new gap needs a cmdlet instead");
    }

    [Fact]
    public void A_row_through_v1_names_a_v1_cmdlet_and_only_routes_that_cmdlet_calls()
    {
        var v1 = V1Rows();
        var v1Cmdlets = v1.Select(r => r.Cmdlet).ToHashSet();
        foreach (var r in Rows().Where(r => r.Through == "v1"))
        {
            Assert.True(v1Cmdlets.Contains(r.Cmdlet), $"{r.Id}: {r.Cmdlet} calls no v1 route of the ledger, so it cannot do the job through v1");
            foreach (Match route in Regex.Matches(r.How, @"\b(GET|POST|PUT|PATCH|DELETE) `(/api/[^`]+)`"))
            {
                var (method, path) = (route.Groups[1].Value, route.Groups[2].Value);
                var owners = v1.Where(v => v.Method == method && Template(v.Path).IsMatch(path)).Select(v => v.Cmdlet).ToList();
                Assert.True(owners.Contains(r.Cmdlet), $"{r.Id}: 'how' names {method} {path}, which the ledger gives to " +
                    (owners.Count == 0 ? "no cmdlet" : string.Join(", ", owners)) + $", not {r.Cmdlet}");
            }
        }
    }

    [Fact]
    public void The_sections_counts_are_its_rows_counts()
    {
        var rows = Rows();
        var gaps = rows.Where(r => r.Cmdlet == "none yet").Select(r => $"`{r.Id}`");
        var expected = $"Of the **{rows.Count}** operations, **{rows.Count(r => r.Through == "v1")}** have a cmdlet through v1, " +
            $"**{rows.Count(r => r.Through == "v2")}** through v2, and **{rows.Count(r => r.Cmdlet == "none yet")}** none yet" +
            (gaps.Any() ? ": " + string.Join(", ", gaps) : "") + ".";
        Assert.Contains(expected, string.Join(" ", LedgerLines));
    }

    static Regex Template(string path) => new("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "[^/]+") + "$");
}
