namespace Mautic.PowerShell.Cmdlets.Connection
{
    /// <summary>Returns the session's connection.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticConnection", HelpUri = MauticHelp.Online + "Get-MauticConnection.md")]
    [OutputType(typeof(MauticConnection))]
    public sealed class GetMauticConnection : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = MauticSession.Get(SessionState);
            if (current == null)
                WriteError(new ErrorRecord(new InvalidOperationException("Not connected to Mautic. Run Connect-Mautic first."),
                    "MauticNotConnected", ErrorCategory.ObjectNotFound, null));
            else WriteObject(ConnectMautic.Wrap(current));
        }
    }
}
