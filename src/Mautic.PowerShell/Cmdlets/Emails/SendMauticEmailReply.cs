namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>
    /// Records that a contact replied to an e-mail it was sent (POST emails/reply/{trackingHash}); Mautic marks that
    /// send read. The hash is the tracking_hash of an email_stats row, so such rows pipe in.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "MauticEmailReply", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Send-MauticEmailReply.md")]
    [OutputType("Mautic.EmailReply")]
    public sealed class SendMauticEmailReply : MauticCmdlet
    {
        /// <summary>Tracking hashes of sends (Get-MauticStat -Table email_stats rows carry them as tracking_hash).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_hash")]
        [ValidateNotNullOrEmpty]
        public string[] TrackingHash { get; set; }

        protected override void Process()
        {
            foreach (var hash in TrackingHash)
            {
                if (!ShouldProcess("tracking hash " + hash, "Record a reply")) continue;
                try { WriteRecord(Conn.Emails.Reply(hash, CancellationToken)); }
                catch (MauticApiException e) { WriteItemError(e, hash); }
            }
        }
    }
}
