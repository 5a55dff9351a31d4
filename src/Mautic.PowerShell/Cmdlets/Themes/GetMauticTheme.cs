namespace Mautic.PowerShell.Cmdlets.Themes
{
    /// <summary>Lists the installed themes (GET themes) as Mautic.Theme objects; Name is the key the other theme cmdlets take.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticTheme")]
    [OutputType("Mautic.Theme")]
    public sealed class GetMauticTheme : MauticCmdlet
    {
        /// <summary>Only these themes (by Name, the theme's folder); wildcards allowed. A name without wildcards that is not installed is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Name { get; set; }

        protected override void Process()
        {
            var themes = Conn.Themes.List(CancellationToken);
            if (Name == null)
            {
                foreach (var t in themes) WriteRecord(t);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var found = themes.Where(t => pattern.IsMatch((string)t["Name"])).ToList();
                if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new Client.MauticApiException($"There is no theme '{name}'; Get-MauticTheme lists the installed ones.", Client.MauticErrorKind.NotFound), name);
                foreach (var t in found) WriteRecord(t);
            }
        }
    }
}
