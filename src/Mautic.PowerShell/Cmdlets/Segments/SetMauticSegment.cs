namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Edits segments by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticSegment", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticSegment.md")]
    [OutputType("Mautic.Segment")]
    public sealed partial class SetMauticSegment : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Segments;
    }
}
