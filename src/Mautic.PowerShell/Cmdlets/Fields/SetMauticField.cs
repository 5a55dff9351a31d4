namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>Edits custom fields by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. The alias cannot change.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticField", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticField.md")]
    [OutputType("Mautic.Field")]
    public sealed partial class SetMauticField : SetEntityCmdlet<FieldParameters>
    {
        protected override MauticResource Area => FieldObjects.Area(Object);
    }
}
