namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Deletes projects by id (DELETE /api/v2/projects/{id}); Mautic takes them off every record that had them.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticProject.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveMauticProject : MauticCmdlet
    {
        /// <summary>The projects' ids; a piped project gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public long[] Id { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Process()
        {
            Conn.Projects.EnsureServer();
            foreach (var id in Id)
            {
                if (!ShouldProcessForced(Force, "project " + id, "Delete")) continue;
                try { Conn.Projects.Delete(id, CancellationToken); }
                catch (MauticApiException e) when (e.Kind != MauticErrorKind.NotSupported) { WriteItemError(e, id); }
            }
        }
    }
}
