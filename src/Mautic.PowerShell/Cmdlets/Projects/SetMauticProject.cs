namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Changes projects by id as a JSON merge patch (PATCH /api/v2/projects/{id}): only the values given change.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticProject", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticProject.md")]
    [OutputType(ProjectService.TypeName)]
    public sealed class SetMauticProject : MauticCmdlet
    {
        /// <summary>The project's id; a piped project gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public long Id { get; set; }

        /// <summary>The new name (not blank).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        public string Description { get; set; }

        /// <summary>The new properties (a hashtable or a list); they replace the project's properties.</summary>
        [Parameter]
        [Alias("Properties")]
        public object Property { get; set; }

        /// <summary>Writes the changed project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            Conn.Projects.EnsureServer();
            var patch = ProjectService.Body(Name, Description, Property == null ? null : PSConvert.ToPlain(Property), clearDescription: true);
            if (patch.IsEmpty)
            {
                WriteInvalidArgument($"Nothing to change on project {Id}: give -Name, -Description or -Property.", Id);
                return;
            }
            if (!ShouldProcess("project " + Id, "Change " + string.Join(", ", patch.Names))) return;
            try
            {
                var changed = Conn.Projects.Update(Id, patch, CancellationToken);
                if (PassThru) WriteRecord(changed);
            }
            catch (MauticApiException e) when (e.Kind != MauticErrorKind.NotSupported) { WriteItemError(e, Id); }
        }
    }
}
