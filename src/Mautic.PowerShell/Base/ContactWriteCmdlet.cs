namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// What New-MauticContact and Set-MauticContact share: piped rows, -Property, and the field parameters of
    /// <typeparamref name="T"/>, which src/Mautic.Generators makes static parameters of each (partial) cmdlet class,
    /// as for <see cref="NewEntityCmdlet{T}"/>.
    /// </summary>
    public abstract class ContactWriteCmdlet<T> : MauticBulkCmdlet where T : AreaParameters, new()
    {
        /// <summary>Objects whose property names are field aliases (Import-Csv rows, hashtables, contacts).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Any other fields, by alias: @{ city = 'Paris'; my_custom_field = 42 }.</summary>
        [Parameter] [Alias("Fields")] public Hashtable Property { get; set; }

        protected T Parameters { get; } = new T();

        protected IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            Parameters.Fields(Enumerable.Empty<KeyValuePair<string, object>>(), null);

        /// <summary>The error target: the piped object, or else what was given by name.</summary>
        protected object Target(MauticPayload payload) => InputObject ?? (object)payload.ToJson();

        /// <summary>What each queued input sent, by reference, to tell which of it Mautic left out (<see cref="Saved"/>).</summary>
        readonly Dictionary<object, string[]> _sent = new Dictionary<object, string[]>(ReferenceComparer.Instance);

        /// <summary>Payload keys Mautic's contact API reads that are no field, so the saved contact need not show them as one.</summary>
        static readonly HashSet<string> NonFieldKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "tags", "owner", "points", "stage", "ipAddress", "lastActive", "overwriteWithBlank", "doNotContact", "frequencyRules", "utmtags", "color",
        };

        /// <summary>Queues a contact's payload, remembering its keys.</summary>
        protected void EnqueueContact(object target, MauticPayload payload, long? id)
        {
            _sent[target] = payload.Names.ToArray();
            Enqueue(target, payload, id);
        }

        /// <summary>
        /// Mautic saves a contact and silently drops a value whose key is no contact field (measured on 5.1.0 and 7.0.0:
        /// -Property @{ nosuchfield = 'x' } answers 201): the saved contact is written as usual, with a warning that names
        /// what was left out, so a partial write is not taken for a whole one.
        /// </summary>
        protected override void Saved(BatchOutcome<object> outcome)
        {
            if (outcome.Input == null || !_sent.TryGetValue(outcome.Input, out var names)) return;
            _sent.Remove(outcome.Input);
            var record = outcome.Record;
            if (record == null) return;
            var dropped = names.Where(n => !NonFieldKeys.Contains(n) && !record.Properties.Any(p => string.Equals(p.Key, n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (dropped.Count == 0) return;
            WriteWarning($"{MyInvocation.MyCommand.Name}: Mautic saved contact {record.Id} but ignored {string.Join(", ", dropped.Select(d => "'" + d + "'"))}: " +
                $"{(dropped.Count == 1 ? "it is" : "they are")} no contact field (Get-MauticField -Object contact lists them); the other values were saved.");
        }

        sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();
            public new bool Equals(object x, object y) => ReferenceEquals(x, y);
            public int GetHashCode(object o) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(o);
        }
    }
}
