namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// Add-/Remove-MauticProjectMember: piped records of the kinds that carry projects (segments, companies, e-mails, ...)
    /// go into a project or out of it, one read and (when the list changes) one PATCH of the v1 record each.
    /// </summary>
    public abstract class ProjectMemberCmdlet : MauticCmdlet
    {
        long? _projectId;

        /// <summary>The project: its id, its name (exact, case-insensitive) or a project record (Get-MauticProject).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ProjectId", "ProjectName")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        [ValidateNotNull]
        public MauticRecordRef Project { get; set; }

        /// <summary>A record of a kind that has projects: segment, company, e-mail, text message, point action or trigger, form, page, marketing message, stage, dynamic content, campaign, asset or focus item.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>Writes each record as it is afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract bool Add { get; }

        protected override void Process()
        {
            Conn.Projects.EnsureServer();
            var kind = PSConvert.MauticKind(InputObject);
            var area = kind == null ? null : ProjectService.MemberKindOf(kind);
            if (area == null)
            {
                var kinds = string.Join(", ", ProjectService.MemberKinds.Select(k => k.TypeName));
                WriteInvalidArgument(kind == null
                    ? $"{MyInvocation.MyCommand.Name} takes records of a kind that has projects ({kinds}), piped from their Get- cmdlet; '{InputObject}' is not one."
                    : $"A {kind} has no projects: {MyInvocation.MyCommand.Name} takes {kinds} records.", InputObject);
                return;
            }
            var id = PSConvert.ToPlain(InputObject.Properties["id"]?.Value);
            long recordId;
            try { recordId = System.Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture); }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException) { recordId = 0; }
            if (recordId <= 0)
            {
                WriteInvalidArgument($"The {area.Noun} record has no id ('{id}'), so it cannot be put in a project.", InputObject);
                return;
            }
            try
            {
                if (_projectId == null) _projectId = Resolve(Project, RecordKind.Project);
                var action = (Add ? "Add to" : "Remove from") + " project " + _projectId;
                if (!ShouldProcess($"{area.Noun} {recordId}", action)) return;
                var change = Conn.Projects.ChangeMembership(area, recordId, new[] { _projectId.Value }, Add, CancellationToken);
                if (!change.Changed) WriteVerbose($"The {area.Noun} {recordId} {(Add ? "already was" : "was not")} in project {_projectId}: nothing sent.");
                if (PassThru) WriteRecord(change.Record);
            }
            catch (MauticApiException e) when (e.Kind != MauticErrorKind.NotSupported) { WriteItemError(e, InputObject); }
        }
    }
}
