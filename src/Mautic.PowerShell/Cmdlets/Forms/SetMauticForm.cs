namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Edits forms by id: PATCH by default (fields and actions given are added, or changed when they carry an id), PUT with -Replace (fields and actions not given are deleted); piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticForm", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticForm.md")]
    [OutputType("Mautic.Form")]
    public sealed partial class SetMauticForm : SetEntityCmdlet<FormParameters>
    {
        protected override MauticResource Area => MauticResources.Forms;

        /// <summary>-Property without its alias Fields, which -Field (a form's fields) would abbreviate.</summary>
        [Parameter]
        public new Hashtable Property { get => base.Property; set => base.Property = value; }
    }
}
