using Mautic.Client.Operations;
namespace Mautic.PowerShell.Cmdlets.Themes
{
    /// <summary>
    /// Installs themes from local zip files (POST themes/new, streamed from disk), each under its file name without
    /// .zip unless -Name says otherwise; writes the installed Mautic.Theme. An installed theme is replaced only with
    /// -Force; Mautic's built-in themes cannot be replaced.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "MauticTheme", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Add-MauticTheme.md")]
    [OutputType("Mautic.Theme")]
    public sealed class AddMauticTheme : MauticUploadCmdlet
    {
        /// <summary>The theme's name (its folder: letters, digits, - and _); by default the zip's file name without .zip.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Replaces an installed theme of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A -Name that is no theme name stops the cmdlet before any file is read or sent, with the name as target.</summary>
        protected override void Begin()
        {
            if (Name == null) return;
            try { ThemeService.CheckName(Name); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, Name)); }
        }

        protected override void Upload(string file)
        {
            var theme = Name ?? System.IO.Path.GetFileNameWithoutExtension(file);
            if (!ShouldProcess(file, $"Install as the Mautic theme '{theme}'")) return;
            WriteRecord(Transferring($"Uploading the theme {theme}", p => Conn.Themes.Upload(file, Name, Force, p, CancellationToken)));
        }
    }
}
