using System.Globalization;

namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>The parameters of New- and Set-MauticForm, and the fields they send.</summary>
    public sealed class FormParameters : AreaParameters
    {
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

        /// <summary>
        /// The fields, in order: hashtables of label, type (text, email, tel, textarea, select, checkboxgrp, radiogrp, date,
        /// hidden, button, ...), alias, isRequired, mappedObject/mappedField (contact, email) and the rest of a field. On an
        /// edit, one with the id of an existing field changes it; with -Replace, the fields not given are deleted.
        /// </summary>
        [Parameter]
        [ValidateFormItem("field", "label", "type")]
        public Hashtable[] Field { get; set; }

        /// <summary>
        /// The actions run on submit: hashtables of name, type (lead.pointschange, lead.changelist, email.send.lead, ...),
        /// description and properties. On an edit, one with an id changes that action; with -Replace, the others are deleted.
        /// </summary>
        [Parameter]
        [ValidateFormItem("action", "name", "type")]
        public Hashtable[] Action { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("formType", FormType), ("postAction", PostAction), ("postActionProperty", PostActionProperty), ("fields", Field), ("actions", Action)));
    }

    /// <summary>
    /// Checks each hashtable of -Field or -Action: a new item (no id) needs the keys Mautic 5.1.0 cannot do without
    /// (a field's label and type, an action's name and type: without them it answers its generic 500, measured).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    sealed class ValidateFormItemAttribute : ValidateArgumentsAttribute
    {
        readonly string _what;
        readonly string[] _required;

        public ValidateFormItemAttribute(string what, params string[] required)
        {
            _what = what;
            _required = required;
        }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var items = arguments is IEnumerable e && !(arguments is IDictionary) ? e.Cast<object>() : new[] { arguments };
            foreach (var item in items)
            {
                var h = (item is PSObject p ? p.BaseObject : item) as IDictionary;
                if (h == null) throw new ValidationMetadataException($"A form {_what} is a hashtable, e.g. {Example}; '{item}' is not.");
                var keys = h.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)).ToList();
                if (keys.Contains("id", StringComparer.OrdinalIgnoreCase)) continue;   // an existing item: only what changes
                var missing = _required.Where(r => !keys.Any(k => string.Equals(k, r, StringComparison.OrdinalIgnoreCase)
                    && !string.IsNullOrWhiteSpace(Convert.ToString(h[k], CultureInfo.InvariantCulture)))).ToList();
                if (missing.Count > 0)
                    throw new ValidationMetadataException($"A new form {_what} needs {string.Join(" and ", _required)} (missing: {string.Join(", ", missing)}), e.g. {Example}; " +
                        $"give id to change an existing one.");
            }
        }

        string Example => _what == "field" ? "@{ label = 'Email'; type = 'email'; alias = 'email' }"
            : "@{ name = 'Add points'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 5 } }";
    }
}
