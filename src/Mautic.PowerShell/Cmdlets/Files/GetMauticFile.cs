namespace Mautic.PowerShell.Cmdlets.Files
{
    /// <summary>Lists a Mautic media folder (GET files/{dir}): one Mautic.File per name, files and subfolders alike.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticFile", HelpUri = MauticHelp.Online + "Get-MauticFile.md")]
    [OutputType("Mautic.File")]
    public sealed class GetMauticFile : MauticCmdlet
    {
        /// <summary>images or media (the assets' files; assets is taken as media), optionally with subfolders: images/flags.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Directory { get; set; }

        /// <summary>Only the names that match; wildcards allowed.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string[] Name { get; set; }

        protected override void Process()
        {
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            try
            {
                foreach (var file in Conn.Files.List(Directory, CancellationToken))
                    if (patterns == null || patterns.Any(p => p.IsMatch((string)file["File"]))) WriteRecord(file);
            }
            catch (MauticApiException e) { WriteItemError(e, Directory); }
        }
    }
}
