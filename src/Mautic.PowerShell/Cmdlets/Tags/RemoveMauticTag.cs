namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>Deletes tags by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticTag.md")]
    [OutputType("Mautic.Tag")]
    public sealed class RemoveMauticTag : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tags;
    }
}
