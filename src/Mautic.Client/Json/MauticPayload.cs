using Newtonsoft.Json;

namespace Mautic.Client
{
    /// <summary>
    /// A JSON object to send to Mautic, as the cmdlet assembly holds it. The cmdlets (assembly Mautic) live in
    /// PowerShell's default load context, where Newtonsoft.Json would bind to whatever copy that context has
    /// (PowerShell 7 ships its own); so they never touch a Newtonsoft type: they build and read this, and only
    /// Mautic.Client, loaded with its own Newtonsoft.Json in the module's load context, sees the JSON inside.
    /// </summary>
    public sealed class MauticPayload
    {
        public MauticPayload() : this(new JObject()) { }

        internal MauticPayload(JObject json) { Json = json ?? throw new ArgumentNullException(nameof(json)); }

        internal JObject Json { get; }

        /// <summary>A field's value as a plain .NET value (string, long, double, bool, object[], MauticRecord; null when absent); set from any value <see cref="MauticJson.FromValue"/> takes.</summary>
        public object this[string name]
        {
            get => Json[name] is JToken t ? RecordShaper.Value(name, t) : null;
            set => Json[name] = MauticJson.FromValue(value);
        }

        /// <summary>True when the payload has no field.</summary>
        public bool IsEmpty => !Json.HasValues;

        /// <summary>The payload as compact JSON.</summary>
        public string ToJson() => Json.ToString(Formatting.None);

        /// <summary>The payload as compact JSON with every secret (passwords, tokens) replaced: safe as an error's target or in a message.</summary>
        public string ToRedactedJson() => Http.Redactor.Body(ToJson(), "application/json");

        public override string ToString() => ToRedactedJson();

        /// <summary>Parses a JSON object text (a webhook's saved request): the payload, or null when the text is not a JSON object.</summary>
        public static MauticPayload TryParse(string text)
        {
            try { return JToken.Parse(text) is JObject o ? new MauticPayload(o) : null; }
            catch (JsonException) { return null; }
        }

        /// <summary>The field names, as the payload spells them.</summary>
        public IEnumerable<string> Names => Json.Properties().Select(p => p.Name);
    }
}
