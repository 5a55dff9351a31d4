namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Imports campaigns from export files (POST campaigns/import, Mautic 7.0 or later): a .json file as
    /// Export-MauticCampaign writes it, or a .zip as Mautic's own export makes it, streamed from disk. Writes each
    /// imported campaign (unpublished, as Mautic leaves them). A campaign whose uuid Mautic has is updated in place
    /// (and unpublished) unless -AsCopy gives it a new one.
    /// </summary>
    [Cmdlet(VerbsData.Import, "MauticCampaign", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Import-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed class ImportMauticCampaign : MauticUploadCmdlet
    {
        /// <summary>Creates new campaigns (new uuids for the campaigns and their events) even where Mautic has the exported ones.</summary>
        [Parameter]
        public SwitchParameter AsCopy { get; set; }

        protected override void Upload(string file)
        {
            if (!ShouldProcess(file, AsCopy ? "Import copies of the Mautic campaigns in" : "Import the Mautic campaigns in (updating those Mautic has)")) return;
            foreach (var campaign in Transferring($"Importing {System.IO.Path.GetFileName(file)}", p => Conn.Campaigns.Import(file, AsCopy, p, CancellationToken)))
                WriteRecord(campaign);
        }
    }
}
