namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Puts contacts into a stage, or with -Remove takes them out: one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticContactStage", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.StageMembership")]
    public sealed class SetMauticContactStage : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long StageId { get; set; }

        /// <summary>The stage by its name instead (looked up once; it must name exactly one stage).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string StageName { get; set; }

        /// <summary>Takes the contacts out of the stage instead.</summary>
        [Parameter]
        public SwitchParameter Remove { get; set; }

        protected override MauticResource Target => MauticResources.Stages;
        protected override long TargetId => StageId;
        protected override string TargetName => StageName;
        protected override bool Adding => !Remove;
    }
}
