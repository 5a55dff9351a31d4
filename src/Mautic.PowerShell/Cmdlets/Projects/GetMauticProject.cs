namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Gets projects (Mautic 7.0 or later, /api/v2/projects): by id, by name with wildcards, or as a streamed list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticProject", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticProject.md")]
    [OutputType(ProjectService.TypeName)]
    public sealed class GetMauticProject : MauticCmdlet
    {
        const string ListSet = "List", ByIdSet = "ById", ByNameSet = "ByName";

        /// <summary>The projects' ids; a piped project gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public long[] Id { get; set; }

        /// <summary>Project names; wildcards match, case-insensitive. A name without wildcards that matches nothing is an error.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public string[] Name { get; set; }

        protected override void Process()
        {
            Conn.Projects.EnsureServer();
            var projects = Conn.Projects;
            if (ParameterSetName == ByIdSet)
            {
                ForEachId(Id, id => WriteRecord(projects.Get(id, CancellationToken)));
                return;
            }
            IEnumerable<MauticRecord> all = projects.List(CancellationToken);
            if (ParameterSetName == ByNameSet)
            {
                WriteMatching(all.ToList(), "name", Name, n => $"Mautic has no project named '{n}'.");
                return;
            }
            if (PagingParameters.Skip > 0) all = all.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue));
            if (PagingParameters.First != ulong.MaxValue) all = all.Take((int)System.Math.Min(PagingParameters.First, int.MaxValue));
            var count = 0UL;
            foreach (var p in all)
            {
                count++;
                WriteRecord(p);
            }
            // The v2 collection (as plain JSON) tells no total: it is the count once the walk is done.
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount(count + PagingParameters.Skip, PagingParameters.First == ulong.MaxValue && (count > 0 || PagingParameters.Skip == 0) ? 1.0 : 0.0));
        }
    }
}
