using System.IO;

namespace Mautic.PowerShell.Cmdlets.Themes
{
    /// <summary>
    /// Downloads themes as zip files (GET themes/{theme}), streamed to disk: a path that is a folder gets
    /// &lt;theme&gt;.zip inside it. An existing file is replaced only with -Force. Writes the FileInfo of each file.
    /// </summary>
    [Cmdlet(VerbsData.Save, "MauticTheme", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Save-MauticTheme.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveMauticTheme : MauticTransferCmdlet
    {
        /// <summary>The themes (their Name, the folder key); a piped Mautic.Theme gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        /// <summary>Where to write: a folder (the zip is named &lt;theme&gt;.zip) or a file path; wildcards allowed. The current folder by default.</summary>
        [Parameter(Position = 1, ParameterSetName = "Path")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = ".";

        /// <summary>Where to write, exactly as written (no wildcards): a folder or a file path.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Replaces a file that is already there.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Process()
        {
            var literal = ParameterSetName == "LiteralPath";
            foreach (var name in Name)
            {
                // A name with '/' or '..' would also name a file outside the folder: refused before any path is made of it.
                try { Mautic.Client.Operations.ThemeService.CheckName(name); }
                catch (MauticApiException e) { WriteItemError(e, name); continue; }
                var target = OutputFile(literal ? LiteralPath : Path, literal, name + ".zip");
                if (target == null) continue;
                if (File.Exists(target) && !Force)
                {
                    WriteError(new ErrorRecord(new IOException($"The file '{target}' already exists; use -Force to replace it."), "MauticFileExists", ErrorCategory.ResourceExists, target));
                    continue;
                }
                if (!ShouldProcess(target, $"Save the Mautic theme '{name}'")) continue;
                try
                {
                    Transferring($"Downloading the theme {name}", p => Conn.Themes.Download(name, target, p, CancellationToken));
                    // Through the provider, so the FileInfo carries PSPath and pipes into Add-MauticTheme -LiteralPath.
                    FlushLog();
                    WriteObject(InvokeProvider.Item.Get(new[] { target }, true, true), true);
                }
                catch (MauticApiException e) { WriteItemError(e, name); }
            }
        }
    }
}
