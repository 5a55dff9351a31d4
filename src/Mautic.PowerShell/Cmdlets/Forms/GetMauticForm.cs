namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Gets forms by id or as a streamed, paged list; each form carries its fields and actions.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticForm", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticForm.md")]
    [OutputType("Mautic.Form")]
    public sealed class GetMauticForm : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Forms;
    }
}
