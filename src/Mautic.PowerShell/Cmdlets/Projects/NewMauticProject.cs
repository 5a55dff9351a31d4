namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Creates projects (Mautic 7.0 or later, POST /api/v2/projects), one request per input; piped rows bind by property name.</summary>
    [Cmdlet(VerbsCommon.New, "MauticProject", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticProject.md")]
    [OutputType(ProjectService.TypeName)]
    public sealed class NewMauticProject : MauticCmdlet
    {
        /// <summary>The project's name (required, need not be unique).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        /// <summary>The project's properties: a hashtable (kept as a JSON object) or a list (a JSON array).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Properties")]
        public object Property { get; set; }

        protected override void Process()
        {
            Conn.Projects.EnsureServer();
            var body = ProjectService.Body(Name, string.IsNullOrEmpty(Description) ? null : Description, Property == null ? null : PSConvert.ToPlain(Property));
            if (!ShouldProcess(Name, "Create project")) return;
            try { WriteRecord(Conn.Projects.Create(body, CancellationToken)); }
            catch (MauticApiException e) when (e.Kind != MauticErrorKind.NotSupported) { WriteItemError(e, Name); }
        }
    }
}
