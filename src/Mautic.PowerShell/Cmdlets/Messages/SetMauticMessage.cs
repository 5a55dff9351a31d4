namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>
    /// Edits marketing messages by id: PATCH by default (channels not named keep their item), PUT with -Replace (every
    /// channel not sent is disabled and loses its item); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticMessage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticMessage.md")]
    [OutputType("Mautic.Message")]
    public sealed partial class SetMauticMessage : SetEntityCmdlet<MessageParameters>
    {
        protected override MauticResource Area => MauticResources.Messages;
    }
}
