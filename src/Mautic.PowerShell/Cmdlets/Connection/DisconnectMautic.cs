namespace Mautic.PowerShell.Cmdlets.Connection
{
    /// <summary>Forgets the session's connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Mautic", HelpUri = MauticHelp.Online + "Disconnect-Mautic.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMautic : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = MauticSession.Get(SessionState);
            MauticSession.Clear(SessionState);
            WriteVerbose(current == null ? "There was no Mautic connection in this session." : "Disconnected from " + current.BaseUrl + ".");
        }
    }
}
