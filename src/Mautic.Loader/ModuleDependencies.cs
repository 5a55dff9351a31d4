#nullable disable
using System;
using System.IO;
using System.Reflection;

namespace Mautic.Loader
{
    /// <summary>
    /// Which assemblies the module resolves itself, and from where: the decision of its resolve handlers, kept free of
    /// any loading so it can be tested alone (tests/Mautic.Module.Tests compiles this file). The module folder holds
    /// Mautic.psd1, Mautic.dll (the cmdlets) and Mautic.Loader.dll; its <see cref="Folder"/> subfolder holds
    /// Mautic.Client.dll and its two dependencies, out of reach of the default probing (PowerShell resolves a binary
    /// module's references from the module's own folder, not from subfolders).
    /// </summary>
    public static class ModuleDependencies
    {
        /// <summary>The subfolder of the module folder that holds the dependencies.</summary>
        public const string Folder = "dependencies";

        /// <summary>The client assembly: the only name asked of PowerShell's default context (Mautic.dll references it).</summary>
        public const string Client = "Mautic.Client";

        /// <summary>
        /// The assemblies the module ships in <see cref="Folder"/>, with the highest version each answers for: Polly
        /// 7.2.4 and Newtonsoft.Json 13.0.x carry the assembly versions 7.0.0.0 and 13.0.0.0. A request for another major
        /// version (Polly 8, another module's Newtonsoft.Json 12) is not the module's to answer.
        /// </summary>
        public static readonly (string Name, Version Version)[] Shipped =
        {
            (Client, null),   // null: the loader's own version (both are built together)
            ("Polly", new Version(7, 0, 0, 0)),
            ("Newtonsoft.Json", new Version(13, 0, 0, 0)),
        };

        /// <summary>
        /// The file that answers a request for <paramref name="requested"/> (an assembly's display name, as
        /// AssemblyResolve gives it), or null when the module does not answer it. With <paramref name="isolated"/>
        /// (PowerShell 7: the dependencies live in the module's own load context), only <see cref="Client"/> is
        /// answered, since only Mautic.dll, in the default context, asks for it; Polly and Newtonsoft.Json are then
        /// never the default context's business. Without it (Windows PowerShell 5.1: one context, no binding
        /// redirects), all three are answered, each only for its own major version and not above the one shipped.
        /// </summary>
        public static string PathFor(string requested, string moduleFolder, bool isolated, Version clientVersion)
        {
            if (string.IsNullOrEmpty(requested) || string.IsNullOrEmpty(moduleFolder)) return null;
            AssemblyName name;
            try { name = new AssemblyName(requested); }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException) { return null; }
            foreach (var (shippedName, shippedVersion) in Shipped)
            {
                if (!string.Equals(name.Name, shippedName, StringComparison.OrdinalIgnoreCase)) continue;
                if (isolated && shippedName != Client) return null;
                var version = shippedVersion ?? clientVersion;
                if (name.Version != null && version != null && (name.Version.Major != version.Major || name.Version > version)) return null;
                return Path.Combine(moduleFolder, Folder, shippedName + ".dll");
            }
            return null;
        }
    }
}
