namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Puts contacts into a stage, or with -Remove takes them out: one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticContactStage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticContactStage.md")]
    [OutputType("Mautic.StageMembership")]
    public sealed class SetMauticContactStage : PerContactMembershipCmdlet
    {
        /// <summary>The stage: its id, its name (looked up once; it must name exactly one stage) or the stage itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("StageId", "StageName")]
        [ArgumentCompleter(typeof(StageCompleter))]
        public MauticRecordRef Stage { get; set; }

        /// <summary>Takes the contacts out of the stage instead.</summary>
        [Parameter]
        public SwitchParameter Remove { get; set; }

        protected override MauticResource Target => MauticResources.Stages;
        protected override MauticRecordRef TargetRef => Stage;
        protected override bool Adding => !Remove;
    }
}
