namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>Deletes marketing messages by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticMessage.md")]
    [OutputType("Mautic.Message")]
    public sealed class RemoveMauticMessage : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Messages;
    }
}
