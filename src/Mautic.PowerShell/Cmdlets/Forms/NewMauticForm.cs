namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Creates forms (Mautic requires only -Name; the alias is made from it), with fields and actions from hashtables; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticForm", SupportsShouldProcess = true)]
    [OutputType("Mautic.Form")]
    public sealed class NewMauticForm : NewEntityCmdlet
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

        /// <summary>The fields, in order: hashtables of label, type (text, email, tel, textarea, select, checkboxgrp, radiogrp, date, hidden, button, ...), alias, isRequired, mappedObject/mappedField (contact, email) and the rest of a field.</summary>
        [Parameter]
        [ValidateFormItem("field", "label", "type")]
        public Hashtable[] Field { get; set; }

        /// <summary>The actions run on submit: hashtables of name, type (lead.pointschange, lead.changelist, email.send.lead, ...), description and properties.</summary>
        [Parameter]
        [ValidateFormItem("action", "name", "type")]
        public Hashtable[] Action { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            FormFields.With(base.NamedFields(), FormType, PostAction, PostActionProperty, Field, Action);
    }
}
