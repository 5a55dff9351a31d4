namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Gets the JavaScript Mautic generates to show a focus item on a page (POST focus/{id}/js), one string per id.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticFocusScript", HelpUri = MauticHelp.Online + "Get-MauticFocusScript.md")]
    [OutputType(typeof(string))]
    public sealed class GetMauticFocusScript : MauticCmdlet
    {
        /// <summary>The focus items' ids; a piped focus item (Get-MauticFocus) gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(FocusCompleter))]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        static readonly string[] FocusKinds = { "Mautic.Focus" };

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "focus item", FocusKinds)) return;
            ForEachId(Id, id =>
            {
                var script = Conn.Focus.Script(id, CancellationToken);
                FlushLog();
                WriteObject(script);
            });
        }
    }
}
