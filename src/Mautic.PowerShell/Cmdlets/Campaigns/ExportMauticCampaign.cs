using System.IO;

namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Exports campaigns (GET campaigns/export/{id}, Mautic 7.0 or later) to files, streamed to disk: the JSON Mautic
    /// answers, or that JSON in a zip laid out like Mautic's own export, chosen by -Format or else by the file's
    /// extension. A path that is a folder gets campaign-&lt;id&gt;.json (or .zip) inside it. An existing file is
    /// replaced only with -Force. -PassThru writes the FileInfo of each file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MauticCampaign", SupportsShouldProcess = true, DefaultParameterSetName = "Path", HelpUri = MauticHelp.Online + "Export-MauticCampaign.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMauticCampaign : MauticTransferCmdlet
    {
        /// <summary>The campaigns to export; piped campaigns give their own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Where to write: a folder (the file is named campaign-&lt;id&gt;.json or .zip) or a file path; wildcards allowed. The current folder by default.</summary>
        [Parameter(Position = 1, ParameterSetName = "Path")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = ".";

        /// <summary>Where to write, exactly as written (no wildcards): a folder or a file path.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Json (what Mautic answers) or Zip (that JSON as entity_data.json, as Mautic's own export); by default the file's extension says, else Json.</summary>
        [Parameter]
        public CampaignFileFormat? Format { get; set; }

        /// <summary>Replaces a file that is already there.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the FileInfo of each file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "campaign", new[] { "Mautic.Campaign" })) return;
            var literal = ParameterSetName == "LiteralPath";
            foreach (var id in Id)
            {
                var folderName = "campaign-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Format == CampaignFileFormat.Zip ? ".zip" : ".json");
                var target = OutputFile(literal ? LiteralPath : Path, literal, folderName);
                if (target == null) continue;
                var format = Format ?? CampaignService.FormatOf(target) ?? CampaignFileFormat.Json;
                if (File.Exists(target) && !Force)
                {
                    WriteError(new ErrorRecord(new IOException($"The file '{target}' already exists; use -Force to replace it."), "MauticFileExists", ErrorCategory.ResourceExists, target));
                    continue;
                }
                if (!ShouldProcess(target, $"Export the Mautic campaign {id} as {format}")) continue;
                try
                {
                    Transferring($"Exporting the campaign {id}", p => Conn.Campaigns.Export(id, target, format, p, CancellationToken));
                    FlushLog();
                    // Through the provider, so the FileInfo carries PSPath and pipes into Import-MauticCampaign.
                    if (PassThru) WriteObject(InvokeProvider.Item.Get(new[] { target }, true, true), true);
                }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }
    }
}
