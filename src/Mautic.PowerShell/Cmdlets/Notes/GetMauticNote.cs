namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>Gets contact notes by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticNote", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticNote.md")]
    [OutputType("Mautic.Note")]
    public sealed class GetMauticNote : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notes;
    }
}
