namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>Deletes e-mails by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticEmail", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticEmail.md")]
    [OutputType("Mautic.Email")]
    public sealed class RemoveMauticEmail : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Emails;
    }
}
