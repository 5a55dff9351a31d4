using System.Management.Automation;
using Mautic.Client.Resources;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Puts contacts into a stage, or with -Remove takes them out: one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticContactStage", SupportsShouldProcess = true)]
    [OutputType("Mautic.StageMembership")]
    public sealed class SetMauticContactStage : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long StageId { get; set; }

        /// <summary>Takes the contacts out of the stage instead.</summary>
        [Parameter]
        public SwitchParameter Remove { get; set; }

        protected override MauticResource Target => MauticResources.Stages;
        protected override long TargetId => StageId;
        protected override bool Adding => !Remove;
    }
}
