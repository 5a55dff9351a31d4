namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>Deletes custom fields by id, and with them their column and every value contacts or companies had in it.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticField.md")]
    [OutputType("Mautic.Field")]
    public sealed class RemoveMauticField : RemoveEntityCmdlet
    {
        /// <summary>Contact (the default) or Company.</summary>
        [Parameter]
        public MauticFieldObject Object { get; set; }

        protected override MauticResource Area => FieldObjects.Area(Object);
    }
}
