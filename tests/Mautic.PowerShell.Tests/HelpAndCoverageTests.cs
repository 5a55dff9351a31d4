using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

namespace MauticPS.InProcess;

/// <summary>
/// Help from the built MAML for every exported cmdlet, and the guards that make a new cmdlet's tests unavoidable:
/// every parameter set has a [Covers] test, every alias a binding row, every cmdlet a row in CmdletCases.
/// </summary>
public sealed class HelpAndCoverageTests : PsTest
{
    static readonly Lazy<IReadOnlyList<CmdletInfo>> Exported = new(() =>
    {
        using var s = new PsSession();
        return s.Ok("Get-Command -Module Mautic").Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
    });

    public static IEnumerable<object[]> CmdletNames => Exported.Value.Select(c => new object[] { c.Name });

    [Fact]
    public void The_module_exports_exactly_the_manifests_cmdlets()
    {
        var r = Ok("[System.Management.Automation.Language.Parser]::ParseFile('" + PsSession.ModuleManifest + "', [ref]$null, [ref]$null).Find({ $args[0] -is [System.Management.Automation.Language.HashtableAst] }, $false).SafeGetValue().CmdletsToExport");
        Assert.Equal(r.Output.Select(o => (string)o.BaseObject).Order(), Exported.Value.Select(c => c.Name).Order());
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Full_help_has_synopsis_description_every_parameter_and_two_parsable_examples(string cmdlet)
    {
        var r = Ok($$"""
            $h = Get-Help {{cmdlet}} -Full
            [pscustomobject]@{
                Synopsis = $h.Synopsis
                Description = ($h.description | ForEach-Object { $_.Text }) -join ' '
                Parameters = @($h.parameters.parameter | ForEach-Object { [pscustomobject]@{ Name = $_.name; Text = (@($_.description) | ForEach-Object { $_.Text }) -join ' ' } })
                Examples = @($h.examples.example | ForEach-Object { $_.code })
            }
            """);
        var help = r.Output.Single();
        string Text(object? v) => PsResult.Unwrap(v)?.ToString() ?? "";
        var synopsis = Text(help.Properties["Synopsis"].Value);
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.False(synopsis.TrimStart().StartsWith(cmdlet + " ", StringComparison.Ordinal), "the synopsis is text, not the generated syntax line");
        Assert.True(Text(help.Properties["Description"].Value).Length > 40, "a real description");

        var info = Exported.Value.Single(c => c.Name == cmdlet);
        var own = info.Parameters.Values.Where(p => !Cmdlet.CommonParameters.Contains(p.Name) && !Cmdlet.OptionalCommonParameters.Contains(p.Name)).Select(p => p.Name).ToHashSet();
        var described = ((object[])help.Properties["Parameters"].Value).Cast<PSObject>()
            .Where(p => Text(p.Properties["Name"].Value).Length > 0)
            .ToDictionary(p => Text(p.Properties["Name"].Value), p => Text(p.Properties["Text"].Value));
        foreach (var name in own)
        {
            if (name is "First" or "Skip" or "IncludeTotalCount") continue;   // PowerShell's own paging parameters
            Assert.True(described.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text), $"{cmdlet} -{name} is described");
        }

        var examples = ((object[])help.Properties["Examples"].Value).Select(Text).ToList();
        Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} examples");
        foreach (var code in examples) CheckExample(cmdlet, code);
    }

    /// <summary>An example must parse, and every Mautic cmdlet it calls must exist and take the parameters it names.</summary>
    static void CheckExample(string cmdlet, string code)
    {
        var ast = Parser.ParseInput(code, out _, out var errors);
        Assert.True(errors.Length == 0, $"An example of {cmdlet} does not parse: {string.Join("; ", errors.Select(e => e.Message))}\n{code}");
        foreach (var call in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
        {
            var name = call.GetCommandName();
            if (name == null || !name.Contains("-Mautic", StringComparison.OrdinalIgnoreCase)) continue;
            var target = Exported.Value.SingleOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            Assert.True(target != null, $"An example of {cmdlet} calls {name}, which the module does not export:\n{code}");
            foreach (var p in call.CommandElements.OfType<CommandParameterAst>())
            {
                var matches = target!.Parameters.Values.Where(m =>
                    m.Name.StartsWith(p.ParameterName, StringComparison.OrdinalIgnoreCase) ||
                    m.Aliases.Any(a => string.Equals(a, p.ParameterName, StringComparison.OrdinalIgnoreCase))).ToList();
                Assert.True(matches.Count >= 1, $"An example of {cmdlet} passes -{p.ParameterName} to {name}, which has no such parameter:\n{code}");
            }
        }
    }

    [Fact]
    public void Every_parameter_set_of_every_cmdlet_has_a_test_that_runs_it()
    {
        var covered = typeof(HelpAndCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<CoversAttribute>())
            .Select(c => (c.Cmdlet, c.ParameterSet)).ToHashSet();
        // The generic area theories run every parameter set of each area's four cmdlets.
        foreach (var c in Exported.Value.Where(c => EntityAreaTests.Areas.Any(a => c.Name.EndsWith("-Mautic" + a.Noun))))
            foreach (var s in c.ParameterSets) covered.Add((c.Name, s.Name));
        var missing = Exported.Value
            .SelectMany(c => c.ParameterSets.Select(s => (c.Name, s.Name)))
            .Where(x => !covered.Contains(x))
            .Select(x => x.Item1 + " [" + x.Item2 + "]").ToList();
        Assert.True(missing.Count == 0, "No [Covers] test for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_parameter_alias_has_a_binding_row()
    {
        var rows = BindingTests.AliasRows.Concat(BindingTests.AreaAliasRows).Concat(BindingTests.SyncMemberAliasRows).Select(r => (r.Cmdlet, r.Parameter, r.Alias)).ToHashSet();
        var missing = new List<string>();
        foreach (var c in Exported.Value)
            foreach (var p in c.Parameters.Values)
            {
                if (Cmdlet.CommonParameters.Contains(p.Name) || Cmdlet.OptionalCommonParameters.Contains(p.Name)) continue;
                foreach (var a in p.Aliases)
                    if (!rows.Contains((c.Name, p.Name, a))) missing.Add($"{c.Name} -{p.Name} alias {a}");
            }
        Assert.True(missing.Count == 0, "Aliases never run: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_cmdlet_has_a_row_in_CmdletCases()
    {
        var rows = CmdletCases.Every.Select(c => c.Cmdlet).ToHashSet();
        Assert.DoesNotContain(Exported.Value, c => !rows.Contains(c.Name));
    }

    [Fact]
    public void About_help_ships()
    {
        var r = Ok("Get-Help about_Mautic");
        Assert.Contains("Connect-Mautic", string.Join("\n", r.Output.Select(o => o.ToString())));
    }
}
