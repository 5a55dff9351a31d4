using System.Collections.Specialized;

namespace Mautic.PowerShell.Base
{
    /// <summary>The only conversions between core values and PowerShell objects.</summary>
    internal static class PSConvert
    {
        /// <summary>A core record becomes a PSObject with its type name first and one note property per value.</summary>
        internal static PSObject ToPSObject(MauticRecord record)
        {
            var o = new PSObject();
            if (record.TypeName != null) o.TypeNames.Insert(0, record.TypeName);
            foreach (var p in record.Properties) o.Properties.Add(new PSNoteProperty(p.Key, ToPS(p.Value)));
            return o;
        }

        static object ToPS(object value)
        {
            switch (value)
            {
                case MauticRecord r: return ToPSObject(r);
                case object[] a: return a.Select(ToPS).ToArray();
                default: return value;
            }
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
