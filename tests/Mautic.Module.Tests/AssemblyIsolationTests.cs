using System.Reflection;
using System.Text.RegularExpressions;
using Mautic.Loader;
using Xunit;

namespace Mautic.Module.Tests;

/// <summary>
/// Issue 18 item 2, no assembly clashes: the built module's layout and references, and the loader's resolve decision.
/// What PowerShell loads (manifest, Mautic.dll, Mautic.Loader.dll) sits in the module folder; Mautic.Client and its
/// two dependencies sit in dependencies/, and Mautic.dll, which stays in PowerShell's default load context, uses no
/// type of Newtonsoft.Json or Polly (it would bind to the default context's copy, PowerShell 7's own Newtonsoft.Json).
/// </summary>
public class AssemblyIsolationTests : IClassFixture<ModuleFixture>
{
    readonly ModuleFixture _m;

    public AssemblyIsolationTests(ModuleFixture m) => _m = m;

    string Dependencies => Path.Combine(_m.ModuleDir, ModuleDependencies.Folder);

    Assembly Load(string relativePath) => _m.Context.LoadFromAssemblyPath(Path.Combine(_m.ModuleDir, relativePath));

    static string[] References(Assembly a) => a.GetReferencedAssemblies().Select(n => n.Name!).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

    [Fact]
    public void The_module_folder_holds_the_cmdlets_and_the_loader_and_dependencies_holds_the_client_polly_and_newtonsoft()
    {
        var top = Directory.GetFiles(_m.ModuleDir, "*.dll").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "Mautic.Loader.dll", "Mautic.dll" }, top);
        var deps = Directory.GetFiles(Dependencies).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(ModuleDependencies.Shipped.Select(s => s.Name + ".dll").OrderBy(n => n, StringComparer.Ordinal), deps);
        Assert.Equal(new[] { "dependencies", "en-US" }, Directory.GetDirectories(_m.ModuleDir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Mautic.dll")]
    [InlineData("Mautic.Loader.dll")]
    [InlineData("dependencies/Mautic.Client.dll")]
    public void The_modules_own_assemblies_target_netstandard2_0_so_one_build_loads_in_5_1_and_7(string file)
    {
        var tfm = Load(file).GetCustomAttributesData().Single(a => a.AttributeType.Name == "TargetFrameworkAttribute").ConstructorArguments[0].Value;
        Assert.Equal(".NETStandard,Version=v2.0", tfm);
    }

    [Fact]
    public void Mautic_dll_references_no_Newtonsoft_or_Polly_only_the_client()
    {
        Assert.Equal(new[] { "Mautic.Client", "netstandard", "System.Management.Automation" }, References(_m.Assembly));
        // Not even a type name of theirs in a signature the cmdlets expose (a parameter of a Newtonsoft type, say).
        foreach (var type in _m.Assembly.GetTypes())
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                Assert.False(p.PropertyType.Assembly.GetName().Name is "Newtonsoft.Json" or "Polly", $"{type.FullName}.{p.Name} is a {p.PropertyType.FullName}");
    }

    [Fact]
    public void The_loader_needs_nothing_but_the_framework_and_PowerShell_and_the_client_only_its_two_dependencies()
    {
        Assert.Equal(new[] { "netstandard", "System.Management.Automation" }, References(Load("Mautic.Loader.dll")));
        Assert.Equal(new[] { "netstandard", "Newtonsoft.Json", "Polly" }, References(Load("dependencies/Mautic.Client.dll")));
        // The parameter generator (src/Mautic.Generators) runs in the compiler only: no run-time reference to it.
        Assert.DoesNotContain(References(_m.Assembly), n => n.StartsWith("Microsoft.CodeAnalysis") || n == "Mautic.Generators");
    }

    [Fact]
    public void The_shipped_versions_the_loader_answers_for_are_the_files_versions()
    {
        foreach (var (name, version) in ModuleDependencies.Shipped)
        {
            var actual = Load("dependencies/" + name + ".dll").GetName().Version!;
            Assert.Equal(version ?? Load("Mautic.Loader.dll").GetName().Version, actual);
        }
        Assert.Equal(7, Load("dependencies/Polly.dll").GetName().Version!.Major);
        Assert.Equal(13, Load("dependencies/Newtonsoft.Json.dll").GetName().Version!.Major);
    }

    [Fact]
    public void The_manifest_imports_the_loader_as_its_only_nested_module_before_the_root_module()
    {
        var nested = Regex.Match(_m.Manifest, @"^\s*NestedModules\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(nested.Success, "Mautic.psd1 has no NestedModules line");
        Assert.Equal("'Mautic.Loader.dll'", nested.Groups[1].Value.Trim());
        Assert.Matches(@"(?m)^\s*RootModule\s*=\s*'Mautic.dll'", _m.Manifest);
        // PowerShell calls this before it reflects over Mautic.dll (which already needs Mautic.Client).
        var initializer = Load("Mautic.Loader.dll").GetTypes().Single(t => t.GetInterfaces().Any(i => i.Name == "IModuleAssemblyInitializer"));
        Assert.True(initializer.IsPublic && !initializer.IsAbstract && initializer.GetConstructor(Type.EmptyTypes) != null);
    }

    // The resolve decision (ModuleDependencies.PathFor) -------------------------------------------------------------

    static readonly string Folder = Path.Combine(Path.GetTempPath(), "Modules", "Mautic");
    static readonly Version Client = new(0, 1, 0, 0);
    static string Dep(string file) => Path.Combine(Folder, "dependencies", file);

    [Theory]
    [InlineData("Mautic.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", "Mautic.Client.dll")]
    [InlineData("Polly, Version=7.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc", "Polly.dll")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", "Newtonsoft.Json.dll")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0", "Newtonsoft.Json.dll")]
    [InlineData("Polly", "Polly.dll")]
    [InlineData("polly, Version=7.0.0.0", "Polly.dll")]
    public void On_5_1_the_three_shipped_names_are_answered_from_the_dependencies_folder(string requested, string file) =>
        Assert.Equal(Dep(file), ModuleDependencies.PathFor(requested, Folder, isolated: false, Client));

    [Theory]
    [InlineData("Polly, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc")]   // another module's Polly 8
    [InlineData("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc")]
    [InlineData("Polly, Version=6.0.0.0")]
    [InlineData("Newtonsoft.Json, Version=12.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("Newtonsoft.Json, Version=14.0.0.0")]
    [InlineData("Mautic.Client, Version=0.2.0.0")]                                           // a newer module's client
    [InlineData("Mautic, Version=0.1.0.0")]                                                  // the cmdlets load as usual
    [InlineData("System.Text.Json, Version=8.0.0.0")]
    [InlineData("")]
    [InlineData("not, a valid=name=")]
    public void On_5_1_other_names_and_other_versions_are_not_the_modules_to_answer(string requested) =>
        Assert.Null(ModuleDependencies.PathFor(requested, Folder, isolated: false, Client));

    [Theory]
    [InlineData("Polly, Version=7.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    public void On_7_the_default_context_is_never_answered_polly_or_newtonsoft(string requested) =>
        Assert.Null(ModuleDependencies.PathFor(requested, Folder, isolated: true, Client));

    [Fact]
    public void On_7_the_default_context_is_answered_only_the_client()
    {
        Assert.Equal(Dep("Mautic.Client.dll"), ModuleDependencies.PathFor("Mautic.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", Folder, isolated: true, Client));
        Assert.Null(ModuleDependencies.PathFor("Mautic.Client, Version=0.1.0.0", null, isolated: true, Client));
    }
}
