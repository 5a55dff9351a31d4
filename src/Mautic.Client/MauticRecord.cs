namespace Mautic.Client
{
    /// <summary>
    /// A record as the core hands it out: ordered properties with plain .NET values (long, double, bool,
    /// DateTime, string, object[], nested MauticRecord). The PowerShell layer turns it into a PSObject.
    /// </summary>
    public sealed class MauticRecord
    {
        readonly List<KeyValuePair<string, object>> _properties = new List<KeyValuePair<string, object>>();
        readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public MauticRecord(string typeName = null) { TypeName = typeName; }

        /// <summary>Mautic.Contact, Mautic.Segment, ...; null for nested values.</summary>
        public string TypeName { get; set; }
        public IReadOnlyList<KeyValuePair<string, object>> Properties => _properties;

        public bool Has(string name) => _index.ContainsKey(name);

        public object this[string name]
        {
            get => _index.TryGetValue(name, out var i) ? _properties[i].Value : null;
            set
            {
                if (_index.TryGetValue(name, out var i)) _properties[i] = new KeyValuePair<string, object>(_properties[i].Key, value);
                else
                {
                    _index[name] = _properties.Count;
                    _properties.Add(new KeyValuePair<string, object>(name, value));
                }
            }
        }

        /// <summary>The record's id, when it has a numeric one.</summary>
        public long? Id
        {
            get
            {
                var v = this["id"];
                if (v is long l) return l;
                if (v is int i) return i;
                if (v is string s && long.TryParse(s, out var p)) return p;
                return null;
            }
        }

        public override string ToString() =>
            (TypeName ?? "record") + "{" + string.Join(", ", _properties.Take(6).Select(p => p.Key + "=" + p.Value)) + (_properties.Count > 6 ? ", …" : "") + "}";
    }
}
