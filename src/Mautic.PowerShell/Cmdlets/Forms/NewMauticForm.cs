namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Creates forms (Mautic requires only -Name; the alias is made from it), with fields and actions from hashtables; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticForm", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticForm.md")]
    [OutputType("Mautic.Form")]
    public sealed partial class NewMauticForm : NewEntityCmdlet<FormParameters>
    {
        protected override MauticResource Area => MauticResources.Forms;

        /// <summary>-Property without its alias Fields, which -Field (a form's fields) would abbreviate.</summary>
        [Parameter]
        public new Hashtable Property { get => base.Property; set => base.Property = value; }
    }
}
