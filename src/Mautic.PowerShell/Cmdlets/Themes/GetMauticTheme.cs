namespace Mautic.PowerShell.Cmdlets.Themes
{
    /// <summary>Lists the installed themes (GET themes) as Mautic.Theme objects; Name is the key the other theme cmdlets take.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticTheme", HelpUri = MauticHelp.Online + "Get-MauticTheme.md")]
    [OutputType("Mautic.Theme")]
    public sealed class GetMauticTheme : MauticCmdlet
    {
        /// <summary>Only these themes (by Name, the theme's folder); wildcards allowed. A name without wildcards that is not installed is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Name { get; set; }

        protected override void Process() =>
            WriteMatching(Conn.Themes.List(CancellationToken), "Name", Name, n => $"There is no theme '{n}'; Get-MauticTheme lists the installed ones.");
    }
}
