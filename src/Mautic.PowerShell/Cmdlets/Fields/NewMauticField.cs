namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>
    /// Creates custom fields of contacts or companies (-Object); piped rows go 200 per batch request. Mautic adds a
    /// column to its contact or company table for each.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticField", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticField.md")]
    [OutputType("Mautic.Field")]
    public sealed partial class NewMauticField : NewEntityCmdlet<NewFieldParameters>
    {
        protected override MauticResource Area => FieldObjects.Area(Object);
    }
}
