namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Deletes text messages by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSms", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticSms.md")]
    [OutputType("Mautic.Sms")]
    public sealed class RemoveMauticSms : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Smses;
    }
}
