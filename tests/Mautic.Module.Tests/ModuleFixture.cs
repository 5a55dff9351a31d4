using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mautic.Module.Tests;

/// <summary>One cmdlet as the compiled module declares it.</summary>
public sealed record CmdletInfo(Type Type, string Verb, string Noun, bool SupportsShouldProcess, string ConfirmImpact, bool SupportsPaging, string? DefaultSet)
{
    public string Name => Verb + "-" + Noun;
}

public sealed record ParamInfo(string Name, Type Type, string Set, bool Mandatory, bool FromPipeline, bool FromPipelineByName, string[] Aliases, bool DontShow = false);

/// <summary>Loads out/Mautic/Mautic.dll, the manifest and the MAML help once for all tests.</summary>
public sealed class ModuleFixture : IDisposable
{
    public ModuleFixture()
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "MauticPS.sln"))) dir = Path.GetDirectoryName(dir);
        RepoRoot = dir ?? throw new InvalidOperationException("MauticPS.sln not found above " + AppContext.BaseDirectory);
        ModuleDir = Path.Combine(RepoRoot, "out", "Mautic");
        // The module folder's own assemblies and, in dependencies/, the client and its two dependencies.
        var paths = Directory.GetFiles(ModuleDir, "*.dll", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .Append(Path.Combine(AppContext.BaseDirectory, "psref", "System.Management.Automation.dll"));
        Context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Assembly = Context.LoadFromAssemblyPath(Path.Combine(ModuleDir, "Mautic.dll"));
        Cmdlets = Assembly.GetTypes().Where(t => !t.IsAbstract)
            .Select(t => (t, a: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
            .Where(x => x.a != null)
            .Select(x => new CmdletInfo(x.t, (string)x.a!.ConstructorArguments[0].Value!, (string)x.a.ConstructorArguments[1].Value!,
                Named<bool>(x.a, "SupportsShouldProcess"), Named<object>(x.a, "ConfirmImpact")?.ToString() ?? "2",
                Named<bool>(x.a, "SupportsPaging"), Named<string>(x.a, "DefaultParameterSetName")))
            .ToList();
        Manifest = File.ReadAllText(Path.Combine(ModuleDir, "Mautic.psd1"));
        Help = XDocument.Load(Path.Combine(ModuleDir, "en-US", "Mautic.dll-Help.xml"));
        var sma = Context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "psref", "System.Management.Automation.dll"));
        ApprovedVerbs = new[] { "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity" }
            .SelectMany(n => sma.GetType("System.Management.Automation." + n)!.GetFields().Select(f => (string)f.GetRawConstantValue()!))
            .ToHashSet(StringComparer.Ordinal);
    }

    static T? Named<T>(CustomAttributeData a, string name)
    {
        foreach (var n in a.NamedArguments)
            if (n.MemberName == name) return (T?)n.TypedValue.Value;
        return default;
    }

    public string RepoRoot { get; }
    public string ModuleDir { get; }
    public MetadataLoadContext Context { get; }
    public Assembly Assembly { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }
    public string Manifest { get; }
    public XDocument Help { get; }
    public HashSet<string> ApprovedVerbs { get; }

    public IReadOnlyList<string> ExportedCmdlets =>
        Regex.Match(Manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)", RegexOptions.Singleline).Groups[1].Value
            .Split(new[] { '\n', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().Trim('\'', '"')).Where(s => s.Length > 0).ToList();

    /// <summary>
    /// The area parameter class of a New-/Set- cmdlet: the type argument of its generic New/SetEntityCmdlet&lt;T&gt;
    /// base (null for a cmdlet without one), whose [Parameter] properties the build makes static parameters of the cmdlet.
    /// </summary>
    public static Type? AreaParameterType(CmdletInfo c)
    {
        for (var t = c.Type.BaseType; t != null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericArguments() is [var arg] && IsAreaParameters(arg)) return arg;
        return null;
    }

    static bool IsAreaParameters(Type t)
    {
        for (var b = t; b != null; b = b.BaseType) if (b.FullName == "Mautic.PowerShell.Base.AreaParameters") return true;
        return false;
    }

    /// <summary>
    /// The public properties of <paramref name="t"/> PowerShell binds: where a subclass hides a property with
    /// <c>new</c> (New-'s positional title), the most derived one, as PowerShell takes it.
    /// </summary>
    public static IEnumerable<PropertyInfo> Bindable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).GroupBy(p => p.Name)
            .Select(g => g.OrderByDescending(p => Depth(p.DeclaringType!)).First());

    static int Depth(Type t) { var n = 0; for (var b = t; b != null; b = b.BaseType) n++; return n; }

    /// <summary>Every [Parameter] attribute of a cmdlet (all static), one row per parameter set it belongs to.</summary>
    public IReadOnlyList<ParamInfo> Parameters(CmdletInfo c) =>
        Bindable(c.Type)
            .SelectMany(p => p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute")
                .Select(a => new ParamInfo(p.Name, p.PropertyType, Named<string>(a, "ParameterSetName") ?? "__AllParameterSets",
                    Named<bool>(a, "Mandatory"), Named<bool>(a, "ValueFromPipeline"), Named<bool>(a, "ValueFromPipelineByPropertyName"),
                    p.GetCustomAttributesData().Where(x => x.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
                        .SelectMany(x => ((IEnumerable<CustomAttributeTypedArgument>)x.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToArray(),
                    Named<bool>(a, "DontShow"))))
            .ToList();

    public void Dispose() => Context.Dispose();
}
