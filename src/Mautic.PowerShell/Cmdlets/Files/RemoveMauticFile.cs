using Mautic.Client.Operations;
namespace Mautic.PowerShell.Cmdlets.Files
{
    /// <summary>Deletes files from a Mautic media folder (DELETE files/{dir}/{file}/delete); a name not there is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticFile.md")]
    [OutputType("Mautic.File")]
    public sealed class RemoveMauticFile : MauticCmdlet
    {
        /// <summary>The folder: images or media (assets is taken as media), optionally with subfolders; a piped Mautic.File gives its own.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Directory { get; set; }

        /// <summary>The file names as Mautic stored them (the File property of Get-MauticFile and Add-MauticFile output).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("File")]
        public string[] Name { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes a Mautic.File (Directory, File) for each file deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            // A folder that is none stops this input before any name is looked at, with the folder as target.
            try { FileService.Folder(Directory); }
            catch (MauticApiException e) { WriteItemError(e, Directory); return; }
            foreach (var name in Name)
            {
                if (!ShouldProcessForced(Force, $"{Directory}/{name}", "Delete the Mautic file")) continue;
                try
                {
                    var deleted = Conn.Files.Delete(Directory, name, CancellationToken);
                    if (PassThru) WriteRecord(deleted);
                }
                catch (MauticApiException e) { WriteItemError(e, name); }
            }
        }
    }
}
