namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Creates segments; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticSegment", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticSegment.md")]
    [OutputType("Mautic.Segment")]
    public sealed partial class NewMauticSegment : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Segments;
    }
}
