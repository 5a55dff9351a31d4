namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>
    /// Creates marketing messages (Mautic requires only the name; each channel Mautic offers starts disabled) with
    /// -Channel naming the item each channel sends; piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticMessage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticMessage.md")]
    [OutputType("Mautic.Message")]
    public sealed partial class NewMauticMessage : NewEntityCmdlet<MessageParameters>
    {
        protected override MauticResource Area => MauticResources.Messages;
    }
}
