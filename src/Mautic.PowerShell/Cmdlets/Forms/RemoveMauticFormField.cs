namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>
    /// Removes fields from a form in one request (DELETE forms/{id}/fields/delete?fields[]=…), between two reads of the form:
    /// Mautic answers 200 whatever the ids, so an id the form does not have is reported as an ObjectNotFound error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticFormField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticFormField.md")]
    [OutputType("Mautic.Form")]
    public sealed class RemoveMauticFormField : RemoveFormItemsCmdlet
    {
        /// <summary>The fields' ids; the fields of a form record (its fields property) can be piped.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] FieldId { get; set; }

        protected override string Key => "fields";
        protected override string ItemNoun => "field";
        protected override long[] ItemIds => FieldId;
    }
}
