namespace Mautic.PowerShell.Cmdlets.Files
{
    /// <summary>
    /// Uploads local files to a Mautic media folder (POST files/{dir}/new), each streamed from disk; Mautic stores each
    /// under a new random name, which the Mautic.File written for it carries as File.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "MauticFile", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Add-MauticFile.md")]
    [OutputType("Mautic.File")]
    public sealed class AddMauticFile : MauticUploadCmdlet
    {
        /// <summary>images or media (the assets' files; assets is taken as media), optionally with subfolders: images/flags.</summary>
        [Parameter(Mandatory = true)]
        public string Directory { get; set; }

        string _folder;

        protected override void Begin()
        {
            try { _folder = FileService.Folder(Directory).Shown; }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, Directory)); }
        }

        protected override void Upload(string file)
        {
            if (!ShouldProcess(file, $"Upload to the Mautic folder {_folder}")) return;
            var name = System.IO.Path.GetFileName(file);
            WriteRecord(Transferring($"Uploading {name} to {_folder}", p => Conn.Files.Upload(_folder, file, p, CancellationToken)));
        }
    }
}
