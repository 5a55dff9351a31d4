using System.Globalization;

namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>What New- and Set-MauticForm's named parameters send.</summary>
    static class FormFields
    {
        internal static IEnumerable<KeyValuePair<string, object>> With(IEnumerable<KeyValuePair<string, object>> common,
            string formType, string postAction, string postActionProperty, Hashtable[] fields, Hashtable[] actions)
        {
            foreach (var f in common) yield return f;
            if (formType != null) yield return new KeyValuePair<string, object>("formType", formType);
            if (postAction != null) yield return new KeyValuePair<string, object>("postAction", postAction);
            if (postActionProperty != null) yield return new KeyValuePair<string, object>("postActionProperty", postActionProperty);
            if (fields != null) yield return new KeyValuePair<string, object>("fields", fields);
            if (actions != null) yield return new KeyValuePair<string, object>("actions", actions);
        }
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
