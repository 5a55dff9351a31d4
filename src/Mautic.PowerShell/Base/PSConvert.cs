using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Globalization;
using System.Reflection;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A list property of a record (tags, doNotContact, a segment's filters ...): a plain list for the pipeline
    /// (<c>$c.tags[0]</c>, <c>$c.doNotContact.reason</c>, ConvertTo-Json writes an array) whose ToString is its text form,
    /// so Export-Csv writes "a, b" instead of System.Object[].
    /// </summary>
    public sealed class MauticList : Collection<object>
    {
        public MauticList(IEnumerable<object> items) : base(items.ToList()) { }
        public override string ToString() => PSConvert.Text(this);
    }

    /// <summary>The ToString member of nested records (a PowerShell code method needs a public static method).</summary>
    public static class MauticText
    {
        public static string RecordText(PSObject instance) => PSConvert.RecordText(instance, false);
    }

    /// <summary>The only conversions between core values and PowerShell objects.</summary>
    internal static class PSConvert
    {
        /// <summary>
        /// A core record becomes a PSObject with its type name first and one note property per value. Lists become
        /// <see cref="MauticList"/>s and nested records PSObjects with a ToString member, so that Export-Csv, which
        /// writes each property value's ToString(), writes their text form (<see cref="Text"/>) while the pipeline
        /// keeps the structure.
        /// </summary>
        internal static PSObject ToPSObject(MauticRecord record)
        {
            var o = new PSObject();
            if (record.TypeName != null) o.TypeNames.Insert(0, record.TypeName);
            else o.Members.Add(new PSCodeMethod("ToString", RecordTextMethod));
            foreach (var p in record.Properties) o.Properties.Add(new PSNoteProperty(p.Key, ToPS(p.Value)));
            return o;
        }

        static object ToPS(object value)
        {
            switch (value)
            {
                case MauticRecord r: return ToPSObject(r);
                case object[] a: return new MauticList(a.Select(ToPS));
                default: return value;
            }
        }

        static readonly MethodInfo RecordTextMethod = typeof(MauticText).GetMethod(nameof(MauticText.RecordText));

        /// <summary>
        /// The text form of a property value, as Export-Csv writes it (documented in about_Mautic): a list is its items'
        /// texts joined with ", "; a nested record is its name (the first of <see cref="NameKeys"/> it has), a
        /// do-not-contact entry "channel: Reason", a map of records (ipAddresses) its entries' texts, anything else
        /// its non-empty values as "key=value" joined with "; " (in parentheses inside another text); a date is
        /// "yyyy-MM-dd HH:mm:ss" (UTC, the form Mautic reads), numbers are invariant.
        /// </summary>
        internal static string Text(object value) => Text(value, false);

        static readonly string[] NameKeys = { "name", "title", "tag", "label", "username", "ipAddress", "alias", "email" };

        static string Text(object value, bool inner)
        {
            switch (value)
            {
                case null: return "";
                case PSObject p when p.BaseObject is PSCustomObject: return RecordText(p, inner);
                case PSObject p: return Text(p.BaseObject, inner);
                case string s: return s;
                case DateTime d: return d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                case IDictionary d:
                    return Pairs(d.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object>(Convert.ToString(e.Key, CultureInfo.InvariantCulture), e.Value)), inner);
                case IEnumerable e: return string.Join(", ", e.Cast<object>().Select(i => Text(i, true)).Where(t => t.Length > 0));
                default: return value.ToString();
            }
        }

        internal static string RecordText(PSObject record, bool inner)
        {
            var props = record.Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty)
                .Select(p => new KeyValuePair<string, object>(p.Name, SafeValue(p))).ToList();
            object Get(string key) => props.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            foreach (var key in NameKeys)
            {
                var name = Text(Get(key), true);
                if (name.Length > 0) return name;
            }
            if (Get("channel") != null && Get("reason") != null) return Text(Get("channel"), true) + ": " + Text(Get("reason"), true);
            if (props.Count > 0 && props.All(p => p.Value is PSObject po && po.BaseObject is PSCustomObject))
                return string.Join(", ", props.Select(p => Text(p.Value, true)).Where(t => t.Length > 0));
            return Pairs(props, inner);
        }

        static string Pairs(IEnumerable<KeyValuePair<string, object>> pairs, bool inner)
        {
            var text = string.Join("; ", pairs.Select(p => new { p.Key, Value = Text(p.Value, true) }).Where(p => p.Value.Length > 0).Select(p => p.Key + "=" + p.Value));
            return inner && text.Length > 0 ? "(" + text + ")" : text;
        }

        /// <summary>Unwraps PowerShell values into plain .NET ones: PSCustomObject to an ordered dictionary, recursively.</summary>
        internal static object ToPlain(object value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var d = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in pso.Properties) d[p.Name] = ToPlain(SafeValue(p));
                    return d;
                }
                value = pso.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case IDictionary dict:
                    var copy = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry e in dict) copy[Convert.ToString(e.Key)] = ToPlain(e.Value);
                    return copy;
                case IEnumerable list:
                    return list.Cast<object>().Select(ToPlain).ToArray();
                default: return value;
            }
        }

        /// <summary>
        /// The properties of a pipeline object as name/value pairs: a hashtable's entries, a PSObject's properties.
        /// A bare string is taken as an e-mail address.
        /// </summary>
        internal static IEnumerable<KeyValuePair<string, object>> PropertiesOf(PSObject input)
        {
            if (input == null) return Enumerable.Empty<KeyValuePair<string, object>>();
            var baseObject = input.BaseObject;
            if (baseObject is string s) return new[] { new KeyValuePair<string, object>("email", s) };
            if (baseObject is IDictionary d)
                return d.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object>(Convert.ToString(e.Key), ToPlain(e.Value))).ToList();
            return input.Properties
                .Where(p => p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property || p.MemberType == PSMemberTypes.AliasProperty)
                .Select(p => new KeyValuePair<string, object>(p.Name, ToPlain(SafeValue(p))))
                .ToList();
        }

        static object SafeValue(PSPropertyInfo p)
        {
            try { return p.Value; }
            catch (GetValueException) { return null; }
        }

        /// <summary>The Id property of an object as a number (a record's id), or null.</summary>
        internal static long? IdOf(PSObject input)
        {
            var value = input?.Properties["Id"]?.Value;
            if (value is PSObject p) value = p.BaseObject;
            try { return value == null ? (long?)null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture); }
            catch (FormatException) { return null; }
            catch (InvalidCastException) { return null; }
            catch (OverflowException) { return null; }
        }

        internal static bool IsMauticType(PSObject input, string typeName) => MauticKind(input) == typeName;

        /// <summary>
        /// The module type name of an object (Mautic.Contact ...), also when it came back from a job, Import-Clixml
        /// or a remote session as Deserialized.Mautic.Contact; null for anything else.
        /// </summary>
        internal static string MauticKind(PSObject input)
        {
            if (input == null) return null;
            foreach (var t in input.TypeNames)
            {
                var name = t.StartsWith("Deserialized.", StringComparison.Ordinal) ? t.Substring("Deserialized.".Length) : t;
                if (name.StartsWith("Mautic.", StringComparison.Ordinal)) return name;
            }
            return null;
        }
    }
}
