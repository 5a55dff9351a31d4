namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Takes piped records out of a project (Mautic 7.0 or later): the record's projects list loses the project.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticProjectMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Remove-MauticProjectMember.md")]
    [OutputType("Mautic.Sms", "Mautic.Email", "Mautic.PointAction", "Mautic.PointTrigger", "Mautic.Form", "Mautic.Page", "Mautic.Message", "Mautic.Stage", "Mautic.DynamicContent", "Mautic.Campaign", "Mautic.Segment", "Mautic.Company", "Mautic.Asset", "Mautic.Focus")]
    public sealed class RemoveMauticProjectMember : ProjectMemberCmdlet
    {
        protected override bool Add => false;
    }
}
