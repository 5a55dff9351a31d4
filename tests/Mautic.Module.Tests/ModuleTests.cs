using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Mautic.Module.Tests;

public class ModuleTests : IClassFixture<ModuleFixture>
{
    const int ConfirmHigh = 3;
    // The webhook intake cmdlets read what Mautic posted to a receiver: they talk to no server.
    static readonly string[] NoConnection = { "Connect-Mautic", "Disconnect-Mautic", "Get-MauticConnection", "ConvertFrom-MauticWebhook", "Test-MauticWebhookSignature" };
    // Test- reads too (Test-MauticUserPermission POSTs a question, it changes nothing); ConvertFrom- only reads its input.
    static readonly string[] ReadOnlyVerbs = { "Get", "Test", "Connect", "Disconnect", "ConvertFrom" };
    readonly ModuleFixture _m;

    public ModuleTests(ModuleFixture m) => _m = m;

    [Fact]
    public void Every_cmdlet_class_is_exported_and_every_export_exists()
    {
        Assert.NotEmpty(_m.Cmdlets);
        Assert.Equal(_m.Cmdlets.Select(c => c.Name).OrderBy(n => n), _m.ExportedCmdlets.OrderBy(n => n));
    }

    [Fact]
    public void The_slice_cmdlets_are_all_there()
    {
        var expected = new[]
        {
            "Connect-Mautic", "Disconnect-Mautic", "Get-MauticConnection", "Get-MauticContact", "New-MauticContact", "Set-MauticContact",
            "Remove-MauticContact", "Get-MauticSegment", "Add-MauticSegmentMember", "Remove-MauticSegmentMember", "Get-MauticContactSegment",
            "Send-MauticEmail", "Invoke-MauticRequest",
        };
        Assert.Empty(expected.Except(_m.Cmdlets.Select(c => c.Name)));
    }

    /// <summary>Nouns that end in s and are singular all the same (Mautic's focus item is a "focus").</summary>
    static readonly string[] SingularEndingInS = { "MauticFocus", "MauticSms" };   // SMS: one Short Message Service text

    [Fact]
    public void Verbs_are_approved_and_nouns_are_singular_Mautic_nouns()
    {
        Assert.Contains("Get", _m.ApprovedVerbs);
        Assert.All(_m.Cmdlets, c =>
        {
            Assert.True(_m.ApprovedVerbs.Contains(c.Verb), c.Name + " uses an unapproved verb");
            Assert.StartsWith("Mautic", c.Noun);
            Assert.False(c.Noun.EndsWith("s") && !SingularEndingInS.Contains(c.Noun), c.Name + " has a plural noun");
        });
    }

    [Fact]
    public void Every_state_changing_cmdlet_supports_ShouldProcess()
    {
        var changing = _m.Cmdlets.Where(c => !ReadOnlyVerbs.Contains(c.Verb)).ToList();
        Assert.NotEmpty(changing);
        Assert.All(changing, c => Assert.True(c.SupportsShouldProcess, c.Name + " changes state but has no -WhatIf/-Confirm"));
    }

    [Fact]
    public void Deletes_are_ConfirmImpact_High_with_Force()
    {
        var deletes = _m.Cmdlets.Where(c => c.Verb == "Remove" && !c.Noun.EndsWith("Member")).ToList();
        Assert.NotEmpty(deletes);
        Assert.All(deletes, c =>
        {
            Assert.Equal(ConfirmHigh.ToString(), c.ConfirmImpact);
            Assert.Contains(_m.Parameters(c), p => p.Name == "Force" && p.Type.Name == "SwitchParameter");
        });
    }

    [Fact]
    public void Every_cmdlet_but_connect_disconnect_and_get_connection_takes_Connection()
    {
        Assert.All(_m.Cmdlets, c =>
        {
            var has = _m.Parameters(c).Any(p => p.Name == "Connection" && p.Type.FullName == "Mautic.Client.MauticConnection");
            Assert.True(has != NoConnection.Contains(c.Name), c.Name + (has ? " should not" : " should") + " take -Connection");
        });
    }

    [Fact]
    public void At_most_one_ValueFromPipeline_parameter_per_set()
    {
        // Besides it, a hidden PSObject InputObject may receive the same object (both bind, as the in-process
        // tests show), so the cmdlet can refuse a Mautic object of another kind.
        Assert.All(_m.Cmdlets, c =>
        {
            var ps = _m.Parameters(c);
            var sets = ps.Select(p => p.Set).Where(s => s != "__AllParameterSets").Distinct().DefaultIfEmpty("__AllParameterSets");
            foreach (var set in sets)
            {
                var piped = ps.Where(p => p.FromPipeline && !p.DontShow && (p.Set == set || p.Set == "__AllParameterSets")).Select(p => p.Name).Distinct().ToList();
                Assert.All(ps.Where(p => p.FromPipeline && p.DontShow), p => Assert.True(p.Name == "InputObject" && p.Type.Name == "PSObject", $"{c.Name} -{p.Name}"));
                Assert.True(piped.Count <= 1, $"{c.Name} set {set} has ValueFromPipeline on {string.Join(", ", piped)}");
            }
        });
    }

    static readonly string[] CommonAliases = { "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf" };

    [Fact]
    public void An_areas_own_parameters_are_one_class_for_New_and_Set_and_clash_with_no_fixed_parameter()
    {
        var common = new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm" };
        static List<PropertyInfo> Declared(Type t) => ModuleFixture.Bindable(t)
            .Where(p => p.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ParameterAttribute")).ToList();
        var withOwn = _m.Cmdlets.Select(c => (c, d: ModuleFixture.AreaParameterType(c))).Where(x => x.d != null).ToList();
        Assert.True(withOwn.Count >= 40, $"{withOwn.Count} cmdlets have area parameters");
        Assert.All(withOwn, x =>
        {
            var own = Declared(x.d!);
            var partner = withOwn.SingleOrDefault(o => o.c.Noun == x.c.Noun && o.c.Verb == (x.c.Verb == "New" ? "Set" : "New"));
            Assert.True(partner.d != null, $"{x.c.Name} has no {(x.c.Verb == "New" ? "Set" : "New")}- partner with area parameters");
            Assert.True(partner.d == x.d || partner.d!.IsSubclassOf(x.d!) || x.d!.IsSubclassOf(partner.d!),
                $"{x.c.Name} ({x.d!.Name}) and its partner ({partner.d!.Name}) declare their parameters apart");
            Assert.True(own.Count + Declared(partner.d!).Count > 0, $"{x.c.Name} and its partner take an area parameter class without parameters");
            // Each is a static parameter of the cmdlet, generated with the same type and attributes, and declared by the
            // cmdlet class itself (the generated half), never by a base: a clash would hide or be hidden.
            foreach (var p in own)
            {
                var mine = x.c.Type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                Assert.True(mine != null, $"{x.c.Name} lacks the static parameter -{p.Name} of {x.d!.Name}");
                Assert.Equal(p.PropertyType, mine!.PropertyType);
                Assert.Equal(Attributes(p), Attributes(mine));
                var inherited = ModuleFixture.Bindable(x.c.Type.BaseType!).Select(b => b.Name).Concat(common);
                Assert.DoesNotContain(p.Name, inherited, StringComparer.OrdinalIgnoreCase);
            }
            // Nor the start of a fixed parameter or alias (-Field of -Property's alias Fields): abbreviations would be ambiguous.
            var ownNames = own.Select(p => p.Name).ToList();
            var fixedNames = _m.Parameters(x.c).Where(p => !ownNames.Contains(p.Name)).SelectMany(p => p.Aliases.Append(p.Name)).Concat(common).Concat(CommonAliases);
            var taken = ownNames.SelectMany(o => fixedNames.Where(f => f.StartsWith(o, StringComparison.OrdinalIgnoreCase)).Select(f => $"-{o} (by -{f})")).ToList();
            Assert.True(taken.Count == 0, $"{x.c.Name}: {string.Join(", ", taken)} would bind to a fixed parameter");
        });
    }

    /// <summary>A property's attributes as text, in a stable order: type, constructor and named arguments.</summary>
    static string[] Attributes(PropertyInfo p) => p.GetCustomAttributesData()
        .Select(a => a.AttributeType.FullName + "(" + string.Join(", ", a.ConstructorArguments.Select(Arg)
            .Concat(a.NamedArguments.OrderBy(n => n.MemberName).Select(n => n.MemberName + "=" + Arg(n.TypedValue)))) + ")")
        .OrderBy(t => t, StringComparer.Ordinal).ToArray();

    static string Arg(CustomAttributeTypedArgument a) =>
        a.Value is IEnumerable<CustomAttributeTypedArgument> items ? "[" + string.Join(", ", items.Select(Arg)) + "]" : a.ArgumentType.FullName + ":" + a.Value;

    [Fact]
    public void No_cmdlet_has_dynamic_parameters()
    {
        // New/Set parameters are one idiom: the area's AreaParameters class, made static by src/Mautic.Generators.
        var dynamic = _m.Cmdlets.Where(c => c.Type.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IDynamicParameters"))
            .Select(c => c.Name).ToList();
        Assert.True(dynamic.Count == 0, "dynamic parameters: " + string.Join(", ", dynamic));
    }

    [Fact]
    public void Every_cmdlet_declares_its_OutputType()
    {
        Assert.All(_m.Cmdlets, c => Assert.Contains(c.Type.GetCustomAttributesData(), a => a.AttributeType.Name == "OutputTypeAttribute"));
    }

    [Fact]
    public void Secrets_are_never_plain_string_parameters()
    {
        Assert.All(_m.Cmdlets.SelectMany(c => _m.Parameters(c).Select(p => (c, p))), x =>
        {
            // a switch holds no secret (-ProxyUseDefaultCredentials: Invoke-RestMethod's name for "sign in as the current user")
            if (Regex.IsMatch(x.p.Name, "Password|Secret|Token|Credential") && x.p.Name != "Tokens")
                Assert.True(x.p.Type.Name is "SecureString" or "PSCredential" or "SwitchParameter", $"{x.c.Name} -{x.p.Name} is a {x.p.Type.Name}");
            if (x.p.Type.Name == "PSCredential")
                Assert.Contains(x.c.Type.GetProperty(x.p.Name)!.GetCustomAttributesData(), a => a.AttributeType.Name == "CredentialAttribute");
        });
    }

    [Fact]
    public void Ids_bind_from_the_pipeline_by_property_name_with_natural_aliases()
    {
        var remove = _m.Cmdlets.Single(c => c.Name == "Remove-MauticContact");
        var id = _m.Parameters(remove).Single(p => p.Name == "Id");
        Assert.True(id.FromPipelineByName);
        Assert.Contains("ContactId", id.Aliases);
        var add = _m.Parameters(_m.Cmdlets.Single(c => c.Name == "Add-MauticSegmentMember")).Single(p => p.Name == "ContactId");
        Assert.True(add.FromPipelineByName);
        Assert.Contains("Id", add.Aliases);
        var newContact = _m.Parameters(_m.Cmdlets.Single(c => c.Name == "New-MauticContact"));
        Assert.True(newContact.Single(p => p.Name == "InputObject").FromPipeline);
    }

    [Fact]
    public void Listing_cmdlets_support_paging()
    {
        foreach (var name in new[] { "Get-MauticContact", "Get-MauticSegment" })
        {
            var c = _m.Cmdlets.Single(x => x.Name == name);
            Assert.True(c.SupportsPaging, name);
            Assert.Contains(_m.Parameters(c), p => p.Name == "PageSize");
        }
    }

    [Fact]
    public void Connect_has_the_four_auth_parameter_sets()
    {
        var c = _m.Cmdlets.Single(x => x.Name == "Connect-Mautic");
        var sets = _m.Parameters(c).Select(p => p.Set).Where(s => s != "__AllParameterSets").Distinct().OrderBy(s => s);
        Assert.Equal(new[] { "AccessToken", "Basic", "ClientCredentials", "RefreshToken" }, sets);
        var names = _m.Parameters(c).Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "BaseUrl", "MaxRetries", "TimeoutSec", "AllowUnencryptedAuthentication", "PassThru" }, names);
    }

    // ---------- help ----------

    static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

    [Fact]
    public void Every_cmdlet_has_help_with_a_synopsis_two_examples_and_every_parameter()
    {
        var commands = _m.Help.Descendants(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.All(_m.Cmdlets, c =>
        {
            Assert.True(commands.TryGetValue(c.Name, out var help), c.Name + " has no help");
            Assert.False(string.IsNullOrWhiteSpace(help!.Element(Command + "details")!.Element(Maml + "description")!.Value), c.Name + " has no synopsis");
            Assert.True(help.Descendants(Command + "example").Count() >= 2, c.Name + " has fewer than two examples");
            var documented = help.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToHashSet();
            var actual = _m.Parameters(c).Select(p => p.Name).ToHashSet();
            if (c.SupportsShouldProcess) { actual.Add("WhatIf"); actual.Add("Confirm"); }
            if (c.SupportsPaging) { actual.Add("First"); actual.Add("Skip"); actual.Add("IncludeTotalCount"); }
            Assert.True(actual.SetEquals(documented), $"{c.Name}: code has [{string.Join(", ", actual.Except(documented))}] undocumented, help has [{string.Join(", ", documented.Except(actual))}] that do not exist");
        });
        Assert.True(File.Exists(Path.Combine(_m.ModuleDir, "en-US", "about_Mautic.help.txt")));
    }

    [Fact]
    public void Every_cmdlet_has_a_HelpUri_to_its_page_in_the_repositorys_docs()
    {
        // One base, derived from the manifest's ProjectUri: every [Cmdlet]'s HelpUri is base + its name + ".md",
        // and that page exists in docs/ (the page the help is built from), so Get-Help -Online opens it.
        var project = Regex.Match(_m.Manifest, @"ProjectUri\s*=\s*'([^']+)'").Groups[1].Value;
        Assert.StartsWith("https://", project);
        var online = project.TrimEnd('/') + "/blob/main/docs/";
        Assert.All(_m.Cmdlets, c =>
        {
            var attribute = c.Type.GetCustomAttributesData().Single(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
            var uri = attribute.NamedArguments.Where(n => n.MemberName == "HelpUri").Select(n => (string?)n.TypedValue.Value).SingleOrDefault();
            Assert.Equal(online + c.Name + ".md", uri);
            Assert.True(File.Exists(Path.Combine(_m.RepoRoot, "docs", c.Name + ".md")), $"{c.Name}: its HelpUri names docs/{c.Name}.md, which does not exist");
        });
    }

    [Fact]
    public void Every_about_topic_in_docs_is_built_into_en_US()
    {
        var topics = Directory.GetFiles(Path.Combine(_m.RepoRoot, "docs"), "about_*.md").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.Contains("about_Mautic", topics);
        Assert.Contains("about_Mautic_Authentication", topics);
        Assert.All(topics, t => Assert.True(File.Exists(Path.Combine(_m.ModuleDir, "en-US", t + ".help.txt")), t + ".help.txt is not in en-US"));
    }

    // ---------- manifest and module folder ----------

    [Fact]
    public void Manifest_has_the_required_fields_and_no_wildcards()
    {
        var m = _m.Manifest;
        Assert.Matches(@"RootModule\s*=\s*'Mautic\.dll'", m);
        Assert.Matches(@"ModuleVersion\s*=\s*'0\.1\.0'", m);
        Assert.Matches(@"GUID\s*=\s*'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'", m);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", m);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", m);
        Assert.Matches(@"DotNetFrameworkVersion\s*=\s*'4\.7\.2'", m);
        foreach (var empty in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
            Assert.Matches(empty + @"\s*=\s*@\(\)", m);
        Assert.DoesNotContain("*", string.Join(",", _m.ExportedCmdlets));
        foreach (var key in new[] { "Tags", "LicenseUri", "ProjectUri", "ReleaseNotes", "FormatsToProcess" }) Assert.Contains(key, m);
        Assert.True(File.Exists(Path.Combine(_m.ModuleDir, "Mautic.Format.ps1xml")));
    }

    [Fact]
    public void Every_output_type_name_has_a_table_view()
    {
        var format = XDocument.Load(Path.Combine(_m.ModuleDir, "Mautic.Format.ps1xml"));
        var viewed = format.Descendants("TypeName").Select(t => t.Value).ToHashSet();
        var declared = _m.Cmdlets.SelectMany(c => c.Type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute"))
            .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<System.Reflection.CustomAttributeTypedArgument> many ? many.Select(x => x.Value) : new[] { arg.Value }))
            .OfType<string>().Where(n => n.StartsWith("Mautic.")).ToHashSet();
        Assert.NotEmpty(declared);
        Assert.Subset(viewed, declared);
        Assert.Contains("Mautic.Connection", viewed);
    }

    /// <summary>
    /// Names you see are names you type: a column showing a property is headed by that property's name, and a table
    /// row at the view's widths fits 80 columns with no header wider than its column (a wrapped header such as
    /// IsPublishe/d). The last column takes the rest of the line, at least its header.
    /// </summary>
    [Fact]
    public void Every_table_view_is_headed_by_its_property_names_and_fits_80_columns()
    {
        var format = XDocument.Load(Path.Combine(_m.ModuleDir, "Mautic.Format.ps1xml"));
        var problems = new List<string>();
        foreach (var view in format.Descendants("View").Where(v => v.Element("TableControl") != null))
        {
            var name = view.Element("Name")!.Value;
            var headers = view.Descendants("TableColumnHeader")
                .Select(h => (Label: h.Element("Label")!.Value, Width: (int?)h.Element("Width") ?? 0)).ToList();
            var items = view.Descendants("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                var property = items[i].Element("PropertyName")?.Value;
                if (property != null && property != headers[i].Label) problems.Add($"{name}: header {headers[i].Label} over {property}");
                if (i < headers.Count - 1 && headers[i].Label.Length > headers[i].Width) problems.Add($"{name}: {headers[i].Label} wider than {headers[i].Width}");
            }
            var row = headers.Take(headers.Count - 1).Sum(h => h.Width) + headers.Count - 1 + Math.Max(headers[^1].Label.Length, headers[^1].Width);
            if (row > 80) problems.Add($"{name}: {row} columns");
        }
        Assert.Empty(problems);
    }

    /// <summary>
    /// Names you see are names you type: every column of a record's table view (Mautic.Format.ps1xml) is a parameter
    /// or parameter alias of its area's New- and Set- cmdlets (the tag table's tag is New-MauticTag -Tag), unless the
    /// resource table says Mautic computes it (<c>MauticResource.ReadOnly</c>: id, dateAdded, sentCount, hits, ...).
    /// On Set- a column is also exempt when it is create-only: New- binds it through a parameter that Set-'s area
    /// parameter class holds without [Parameter] (a category's bundle, a field's type, a note's lead).
    /// </summary>
    [Fact]
    public void Every_writable_column_of_a_records_table_is_a_parameter_or_alias_of_its_New_and_Set_cmdlets()
    {
        var readOnly = ClientReadOnlyProperties();
        var format = XDocument.Load(Path.Combine(_m.ModuleDir, "Mautic.Format.ps1xml"));
        var cmdlets = _m.Cmdlets.ToDictionary(c => c.Name);
        var problems = new List<string>();
        var checkedViews = 0;
        foreach (var view in format.Descendants("View").Where(v => v.Element("TableControl") != null))
        {
            var type = view.Descendants("TypeName").First().Value;
            if (!readOnly.TryGetValue(type, out var computed)) continue;
            var noun = "Mautic" + type.Substring("Mautic.".Length);
            if (!cmdlets.TryGetValue("New-" + noun, out var create) || !cmdlets.TryGetValue("Set-" + noun, out var edit)) continue;
            checkedViews++;
            var newNames = _m.Parameters(create).SelectMany(p => p.Aliases.Select(a => (Name: a, p.Name)).Append((Name: p.Name, p.Name)))
                .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.OrdinalIgnoreCase);
            var setNames = _m.Parameters(edit).SelectMany(p => p.Aliases.Append(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var setArea = ModuleFixture.AreaParameterType(edit);
            foreach (var header in view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value))
            {
                if (computed.Contains(header)) continue;
                if (!newNames.TryGetValue(header, out var parameter)) problems.Add($"New-{noun} takes no -{header}");
                if (setNames.Contains(header)) continue;
                var createOnly = parameter != null && setArea?.GetProperty(parameter, BindingFlags.Public | BindingFlags.Instance) is PropertyInfo held
                    && !held.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ParameterAttribute");
                if (!createOnly) problems.Add($"Set-{noun} takes no -{header}");
            }
        }
        Assert.True(checkedViews >= 25, $"only {checkedViews} views of areas with New- and Set- cmdlets");
        Assert.Empty(problems);
    }

    /// <summary>
    /// The resource table's read-only properties (<c>MauticResources.All</c>, each row's <c>ReadOnly</c>) by the type
    /// name of its records, read from the built Mautic.Client.dll (loaded apart, its dependencies from out/Mautic/dependencies).
    /// </summary>
    Dictionary<string, HashSet<string>> ClientReadOnlyProperties()
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("mautic-client", isCollectible: true);
        var dependencies = Path.Combine(_m.ModuleDir, "dependencies");
        context.Resolving += (ctx, name) => File.Exists(Path.Combine(dependencies, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(Path.Combine(dependencies, name.Name + ".dll")) : null;
        try
        {
            var client = context.LoadFromAssemblyPath(Path.Combine(dependencies, "Mautic.Client.dll"));
            var all = (System.Collections.IEnumerable)client.GetType("Mautic.Client.Resources.MauticResources")!.GetProperty("All")!.GetValue(null)!;
            var byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var row in all)
            {
                var type = (string)row.GetType().GetProperty("TypeName")!.GetValue(row)!;
                var set = (IEnumerable<string>)row.GetType().GetProperty("ReadOnly")!.GetValue(row)!;
                if (!byType.TryGetValue(type, out var known)) byType[type] = known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                known.UnionWith(set);
            }
            return byType;
        }
        finally { context.Unload(); }
    }
}

public sealed class CoverageLedgerTests(ModuleFixture m) : IClassFixture<ModuleFixture>
{
    [Fact]
    public void Every_route_of_the_reference_is_in_the_ledger_once_and_every_named_cmdlet_is_exported()
    {
        var tsv = Path.Combine(m.RepoRoot, "..", "shared", "reference", "mautic-endpoints.tsv");
        var routes = File.ReadAllLines(tsv).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 3 && c[0] != "oauth")
            .Select(c => (Method: c[2], Path: c[3])).ToList();
        var ledger = V51Lines(File.ReadAllLines(Path.Combine(m.RepoRoot, "docs", "api-coverage.md")))
            .Where(l => l.StartsWith("| ") && l.Contains("`/api") && !l.Contains("`/api/v2/")).Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (Method: c[1], Path: c[2].Trim('`'), Cmdlet: c[4])).ToList();
        Assert.Equal(routes.OrderBy(r => r.Path).ThenBy(r => r.Method), ledger.Select(l => (l.Method, l.Path)).OrderBy(r => r.Path).ThenBy(r => r.Method));
        var exported = m.ExportedCmdlets.ToHashSet();
        Assert.All(ledger, l => Assert.True(exported.Contains(l.Cmdlet), $"{l.Method} {l.Path}: {l.Cmdlet} is not exported"));
    }

    /// <summary>
    /// The ledger's lines about Mautic 5.1: those before its "## Mautic 7.0" section (7.0's v1 additions and the v2 API,
    /// which <see cref="ApiV2LedgerTests"/> reads).
    /// </summary>
    internal static IEnumerable<string> V51Lines(IEnumerable<string> lines) =>
        lines.TakeWhile(l => !l.StartsWith("## Mautic 7", StringComparison.Ordinal));

    /// <summary>The lines of the ledger's "### Mautic 7.0 additions (v1)" sub-section.</summary>
    static IEnumerable<string> V7AdditionLines(IEnumerable<string> lines) =>
        lines.SkipWhile(l => l.Trim() != "### Mautic 7.0 additions (v1)").Skip(1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal));

    [Fact]
    public void The_v1_routes_Mautic_7_added_are_not_5_1_routes_and_name_exported_cmdlets()
    {
        var reference = File.ReadAllLines(Path.Combine(m.RepoRoot, "..", "shared", "reference", "mautic-endpoints.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length > 3).Select(c => (c[2], c[3])).ToHashSet();
        var rows = V7AdditionLines(File.ReadAllLines(Path.Combine(m.RepoRoot, "docs", "api-coverage.md")))
            .Where(l => l.StartsWith("| ") && l.Contains("`/api")).Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (Method: c[1], Path: c[2].Trim('`'), Cmdlet: c[4])).ToList();
        Assert.Contains(rows, r => r.Path == "/api/campaigns/export/{campaignId}" && r.Cmdlet == "Export-MauticCampaign");
        Assert.Contains(rows, r => r.Path == "/api/campaigns/import" && r.Cmdlet == "Import-MauticCampaign");
        var exported = m.ExportedCmdlets.ToHashSet();
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain((r.Method, r.Path), reference);
            Assert.True(exported.Contains(r.Cmdlet), $"{r.Method} {r.Path}: {r.Cmdlet} is not exported");
        });
    }


    [Fact]
    public void The_fake_servers_copy_of_the_route_table_is_current()
    {
        var tsv = File.ReadAllLines(Path.Combine(m.RepoRoot, "..", "shared", "reference", "mautic-endpoints.tsv"))
            .Select(l => l.Split('\t')).Where((c, i) => i == 0 || c[0] != "oauth").Select(c => string.Join("\t", c[0], c[1], c[2], c[3], c[5]));
        var copy = File.ReadAllLines(Path.Combine(m.RepoRoot, "tests", "Mautic.FakeServer", "routes.tsv"));
        Assert.True(tsv.SequenceEqual(copy), "tests/Mautic.FakeServer/routes.tsv is out of date: run tests/Mautic.FakeServer/update-routes.sh");
    }

    [Fact]
    public void The_ledgers_counts_are_its_rows_counts()
    {
        var lines = File.ReadAllLines(Path.Combine(m.RepoRoot, "docs", "api-coverage.md"));
        var rows = V51Lines(lines).Where(l => l.StartsWith("| ") && l.Contains("`/api") && !l.Contains("`/api/v2/")).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        // In Mautic 5.1's source (the reference's last yes/no column), as against the documentation's own routes.
        var inSource = File.ReadAllLines(Path.Combine(m.RepoRoot, "..", "shared", "reference", "mautic-endpoints.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length > 5 && c[0] != "oauth" && c[5] == "yes").Select(c => (c[2], c[3])).ToHashSet();
        var source = rows.Where(c => inSource.Contains((c[1], c[2].Trim('`')))).ToList();
        var named = source.Count(c => c[4] != "Invoke-MauticRequest");
        var aliases = rows.Count(c => c[5].StartsWith("alias of ", StringComparison.Ordinal));
        Assert.Equal(rows.Count, source.Count + aliases);   // every route outside the source is an alias row
        var unnamed = source.Where(c => c[4] == "Invoke-MauticRequest").Select(c => $"{c[1]} {c[2]}").ToList();
        Assert.True(unnamed.Count == 0, "Routes without a cmdlet: " + string.Join(", ", unnamed));
        var text = string.Join("\n", lines);
        Assert.Contains($"Covered by a named cmdlet: **{named} of {source.Count}** routes of Mautic 5.1's source, and the documentation's {aliases} routes that\nMautic 5.1.0 does not have, as aliases.", text);
    }
}
