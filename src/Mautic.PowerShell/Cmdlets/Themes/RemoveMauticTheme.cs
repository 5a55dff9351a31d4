namespace Mautic.PowerShell.Cmdlets.Themes
{
    /// <summary>
    /// Deletes installed themes (DELETE themes/{theme}/delete). Mautic's built-in themes are refused: Mautic would
    /// not delete one but hide it from every builder. An unknown name is an ObjectNotFound error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticTheme", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticTheme.md")]
    [OutputType("Mautic.Theme")]
    public sealed class RemoveMauticTheme : MauticCmdlet
    {
        /// <summary>The themes (their Name, the folder key); a piped Mautic.Theme gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the Mautic.Theme of each theme deleted, as it was listed before.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The installed themes, listed once per invocation (not once per piped name), less those deleted since.</summary>
        List<MauticRecord> _installed;

        protected override void Process()
        {
            var installed = _installed ?? (_installed = Conn.Themes.List(CancellationToken).ToList());
            foreach (var name in Name)
            {
                var theme = installed.FirstOrDefault(t => (string)t["Name"] == name);
                if (theme == null)
                    WriteItemError(new MauticApiException($"There is no theme '{name}'; Get-MauticTheme lists the installed ones.", MauticErrorKind.NotFound), name);
                else if (true.Equals(theme["BuiltIn"]))
                    WriteInvalidArgument($"'{name}' is one of Mautic's built-in themes, which cannot be deleted (Mautic would only hide it).", name);
                else if (ShouldProcessForced(Force, name, "Delete the Mautic theme"))
                {
                    try
                    {
                        Conn.Themes.Delete(name, CancellationToken);
                        installed.Remove(theme);
                        if (PassThru) WriteRecord(theme);
                    }
                    catch (MauticApiException e) { WriteItemError(e, name); }
                }
            }
        }
    }
}
