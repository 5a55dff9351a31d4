namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>
    /// Removes actions from a form in one request (DELETE forms/{id}/actions/delete?actions[]=…), between two reads of the form:
    /// Mautic answers 200 whatever the ids, so an id the form does not have is reported as an ObjectNotFound error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticFormAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticFormAction.md")]
    [OutputType("Mautic.Form")]
    public sealed class RemoveMauticFormAction : RemoveFormItemsCmdlet
    {
        /// <summary>The actions' ids; the actions of a form record (its actions property) can be piped.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ActionId { get; set; }

        protected override string Key => "actions";
        protected override string ItemNoun => "action";
        protected override long[] ItemIds => ActionId;
    }
}
