using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Mautic.Loader
{
    /// <summary>
    /// Keeps the module's dependencies out of PowerShell's way. PowerShell imports this assembly (the manifest's first
    /// nested module) before the root module, and calls <see cref="OnImport"/> at once; only then does it load
    /// Mautic.dll and reflect over its cmdlet types, and that scan already needs Mautic.Client (measured on
    /// PowerShell 7.6.5: the base cmdlet classes override members whose signatures use Mautic.Client types), so an
    /// initializer inside Mautic.dll would run too late.
    /// <list type="bullet">
    /// <item>PowerShell 7: Mautic.Client, Polly and Newtonsoft.Json load into the module's own AssemblyLoadContext
    /// (named "Mautic"); the default context is asked only for Mautic.Client (by Mautic.dll) and gets that context's
    /// copy. A module that needs Polly 8, or PowerShell's own Newtonsoft.Json, is never in conflict with them.</item>
    /// <item>Windows PowerShell 5.1 (no load contexts, no binding redirects): the three load from the module's
    /// dependencies folder when the default probing fails, each only for its own version (<see cref="ModuleDependencies.PathFor"/>).</item>
    /// </list>
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer
    {
        static readonly object Gate = new object();
        static string _moduleFolder;
        static Type _contextType;
        static Assembly _client;

        public void OnImport() => Register(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location));

        /// <summary>Registers the resolver once per process (a second import, another runspace: nothing more to do).</summary>
        public static void Register(string moduleFolder)
        {
            lock (Gate)
            {
                if (_moduleFolder != null) return;
                _moduleFolder = moduleFolder;
                // Present on .NET Core 3.0 and later (PowerShell 7), absent from .NET Framework (Windows PowerShell 5.1).
                _contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
                AppDomain.CurrentDomain.AssemblyResolve += OnResolve;
            }
        }

        static Assembly OnResolve(object sender, ResolveEventArgs args)
        {
            var isolated = _contextType != null;
            var path = ModuleDependencies.PathFor(args.Name, _moduleFolder, isolated, typeof(ModuleLoader).Assembly.GetName().Version);
            if (path == null || !File.Exists(path)) return null;
            return isolated ? ClientInContext() : Assembly.LoadFrom(path);
        }

        /// <summary>
        /// Mautic.Client as loaded in the module's context, created on first use with Newtonsoft.Json and Polly loaded
        /// first: a context answers a reference from the assemblies it already holds before anything else (the
        /// documented order: its own cache, its Load, the default context), so Mautic.Client binds to the module's
        /// copies even where the default context has others (PowerShell's Newtonsoft.Json).
        /// </summary>
        static Assembly ClientInContext()
        {
            lock (Gate)
            {
                if (_client != null) return _client;
                var context = Activator.CreateInstance(_contextType, "Mautic", false);
                var loadFromPath = _contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                Assembly Load(string name) =>
                    (Assembly)loadFromPath.Invoke(context, new object[] { Path.Combine(_moduleFolder, ModuleDependencies.Folder, name + ".dll") });
                foreach (var (name, _) in ModuleDependencies.Shipped)
                    if (name != ModuleDependencies.Client) Load(name);
                return _client = Load(ModuleDependencies.Client);
            }
        }
    }
}
