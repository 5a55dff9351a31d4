namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>
    /// Gets the contacts of a stage, streamed and paged like Get-MauticContact. A contact is in at most one stage: the cmdlet lists contacts with where stage_id eq &lt;id&gt;.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticStageMember", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticStageMember.md")]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticStageMember : MemberListCmdlet
    {
        /// <summary>Stages: ids, names (each looked up once; it must name exactly one stage) or piped stages.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "StageId", "StageName")]
        [ArgumentCompleter(typeof(StageCompleter))]
        public MauticRecordRef[] Stage { get; set; }

        protected override MauticResource Target => MauticResources.Stages;
        protected override MauticRecordRef[] Targets => Stage;
    }
}
