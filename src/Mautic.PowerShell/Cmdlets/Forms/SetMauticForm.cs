namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Edits forms by id: PATCH by default (fields and actions given are added, or changed when they carry an id), PUT with -Replace (fields and actions not given are deleted); piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticForm", SupportsShouldProcess = true)]
    [OutputType("Mautic.Form")]
    public sealed class SetMauticForm : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Forms;

        /// <summary>standalone (the default) or campaign (a form a campaign uses as its contact source).</summary>
        [Parameter]
        [ValidateSet("standalone", "campaign")]
        public string FormType { get; set; }

        /// <summary>What the visitor sees after submitting: return (to the page, the default), redirect or message.</summary>
        [Parameter]
        [ValidateSet("return", "redirect", "message")]
        public string PostAction { get; set; }

        /// <summary>The URL to redirect to (-PostAction redirect) or the message to show (-PostAction message).</summary>
        [Parameter]
        public string PostActionProperty { get; set; }

        /// <summary>Fields to add (no id) or change (with the id of an existing field). With -Replace, the fields not given are deleted.</summary>
        [Parameter]
        [ValidateFormItem("field", "label", "type")]
        public Hashtable[] Field { get; set; }

        /// <summary>Actions to add (no id) or change (with the id of an existing action). With -Replace, the actions not given are deleted.</summary>
        [Parameter]
        [ValidateFormItem("action", "name", "type")]
        public Hashtable[] Action { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            FormFields.With(base.NamedFields(), FormType, PostAction, PostActionProperty, Field, Action);
    }
}
