namespace Mautic.Client.Json
{
    /// <summary>
    /// Turns Mautic JSON into <see cref="MauticRecord"/>s: ISO dates become DateTime (UTC), ids that arrive as
    /// strings become numbers, contact/company custom fields (fields.all) become top-level properties typed by
    /// their field type, tags become a string array, a do-not-contact entry's reason a <see cref="Operations.DncReason"/>.
    /// A top-level property that repeats a custom field under another spelling (contacts' lastActive beside the
    /// last_active field) is left out: one property per value, named as Mautic's field is written.
    /// </summary>
    public static class RecordShaper
    {
        static readonly Regex IsoDate = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.Compiled);

        public static MauticRecord Shape(JToken token, string typeName, bool flattenFields)
        {
            var obj = token as JObject;
            var record = new MauticRecord(typeName);
            if (obj == null) return record;
            if (obj["id"] != null) record["id"] = Value("id", obj["id"]);
            var fieldNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (flattenFields && obj["fields"] is JObject fields)
            {
                Flatten(record, fields);
                foreach (var f in record.Properties) fieldNames.Add(Squash(f.Key));
            }
            foreach (var p in obj.Properties())
            {
                if (p.Name.Length == 0 || (p.Name == "fields" && flattenFields)) continue;
                if (p.Name == "tags" && p.Value is JArray tags)
                {
                    record["tags"] = tags.Select(t => t is JObject to ? to["tag"]?.ToString() : t.ToString()).Where(t => !string.IsNullOrEmpty(t)).ToArray();
                    continue;
                }
                if (p.Name == "id") { record["id"] = Value("id", p.Value); continue; }
                if (record.Has(p.Name) || fieldNames.Contains(Squash(p.Name))) continue;
                record[p.Name] = p.Name == "doNotContact" && p.Value is JArray dnc ? dnc.Select(DoNotContactEntry).ToArray() : Value(p.Name, p.Value);
            }
            return record;
        }

        static string Squash(string name) => name.Replace("_", "");

        /// <summary>A do-not-contact entry, its reason (1, 2, 3) as the <see cref="Operations.DncReason"/> it stands for.</summary>
        static object DoNotContactEntry(JToken entry)
        {
            var value = Value(null, entry);
            if (value is MauticRecord r && r["reason"] is long reason && Enum.IsDefined(typeof(Operations.DncReason), (int)reason))
                r["reason"] = (Operations.DncReason)(int)reason;
            return value;
        }

        static void Flatten(MauticRecord record, JObject fields)
        {
            // Field types come from the grouped entries (core/social/personal/professional); 'all' has the values.
            var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in fields.Properties().Where(g => g.Name != "all"))
                foreach (var f in MauticJson.Map(group.Value))
                    if (f.Value is JObject fo && fo["type"] != null) types[fo["alias"]?.ToString() ?? f.Key] = fo["type"].ToString();
            var all = fields["all"] ?? ValuesOfGroups(fields);
            foreach (var kv in MauticJson.Map(all))
            {
                if (kv.Key == "id" || kv.Key.Length == 0) continue;
                types.TryGetValue(kv.Key, out var type);
                record[kv.Key] = FieldValue(kv.Key, kv.Value, type);
            }
        }

        /// <summary>
        /// Some answers (contacts/{id}/dnc and utm changes) list the field groups without 'all': the values are then
        /// read from each grouped entry's value.
        /// </summary>
        static JObject ValuesOfGroups(JObject fields)
        {
            var all = new JObject();
            foreach (var group in fields.Properties())
                foreach (var f in MauticJson.Map(group.Value))
                    if (f.Value is JObject fo) all[fo["alias"]?.ToString() ?? f.Key] = fo["value"]?.DeepClone() ?? JValue.CreateNull();
            return all;
        }

        static object FieldValue(string name, JToken v, string type)
        {
            if (v == null || v.Type == JTokenType.Null) return null;
            if (v.Type == JTokenType.String)
            {
                var s = (string)v;
                switch (type)
                {
                    case "number":
                        if (s.Length == 0) return null;
                        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
                        return s;
                    case "boolean":
                        if (s.Length == 0) return null;
                        return MauticJson.ToBool(v) ?? (object)s;
                    case "date":
                    case "datetime":
                        if (s.Length == 0) return null;
                        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt) ? dt : (object)s;
                    default:
                        return s;
                }
            }
            return Value(name, v);
        }

        /// <summary>Converts any JSON value to the plain .NET shape records use.</summary>
        public static object Value(string name, JToken v)
        {
            if (v == null) return null;
            switch (v.Type)
            {
                case JTokenType.Null:
                case JTokenType.Undefined: return null;
                case JTokenType.Integer: return v.Value<long>();
                case JTokenType.Float: return v.Value<double>();
                case JTokenType.Boolean: return v.Value<bool>();
                case JTokenType.String:
                    var s = (string)v;
                    if (IsoDate.IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
                        return dto.UtcDateTime;
                    if (IsIdName(name) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
                    return s;
                case JTokenType.Date:
                    var raw = ((JValue)v).Value;
                    return raw is DateTimeOffset o ? o.UtcDateTime : ((DateTime)raw).ToUniversalTime();
                case JTokenType.Array: return ((JArray)v).Select(i => Value(null, i)).ToArray();
                case JTokenType.Object: return Shape(v, null, false);
                default: return v.ToString();
            }
        }

        static bool IsIdName(string name) =>
            name != null && (name == "id" || name.EndsWith("Id", StringComparison.Ordinal) || name == "createdBy" || name == "modifiedBy" ||
                             name == "checkedOutBy" || name == "points" || name == "total");
    }
}
