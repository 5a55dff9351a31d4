namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>Puts piped records into a project (Mautic 7.0 or later): the record's projects list gains the project.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticProjectMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticProjectMember.md")]
    [OutputType("Mautic.Sms", "Mautic.Email", "Mautic.PointAction", "Mautic.PointTrigger", "Mautic.Form", "Mautic.Page", "Mautic.Message", "Mautic.Stage", "Mautic.DynamicContent", "Mautic.Campaign", "Mautic.Segment", "Mautic.Company", "Mautic.Asset", "Mautic.Focus")]
    public sealed class AddMauticProjectMember : ProjectMemberCmdlet
    {
        protected override bool Add => true;
    }
}
