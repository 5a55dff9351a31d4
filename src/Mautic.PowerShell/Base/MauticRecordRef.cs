using Mautic.Client.Paging;
using System.Globalization;
using System.Threading;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A parameter that refers to one record of another area (the segment contacts join, the campaign to read): an id,
    /// a name, or the record itself (PnP.PowerShell's pipe-bind model). PowerShell converts the argument through a
    /// public constructor: a number is an id, a string of digits is an id and any other string a name, a module object
    /// (Mautic.Segment ...) is the record. The cmdlet resolves it with <see cref="Resolve"/> against its connection and
    /// the area it expects.
    /// </summary>
    public sealed class MauticRecordRef
    {
        /// <summary>The id given, or the record's; null for a name.</summary>
        public long? Id { get; }
        /// <summary>The name given; null for an id or a record.</summary>
        public string Name { get; }
        /// <summary>The record given (a module object); null for an id or a name.</summary>
        public PSObject Record { get; }

        public MauticRecordRef(long id)
        {
            if (id <= 0) throw new ArgumentException($"{id} is not a valid id: Mautic ids are positive whole numbers.");
            Id = id;
        }

        /// <summary>A string of digits is an id (CSV columns and -SegmentId '3' arrive as text); anything else a name.</summary>
        public MauticRecordRef(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("The name is empty: give an id, a name or a record.");
            var text = idOrName.Trim();
            if (text.All(char.IsDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (id <= 0) throw new ArgumentException($"{id} is not a valid id: Mautic ids are positive whole numbers.");
                Id = id;
            }
            else Name = text;
        }

        /// <summary>
        /// A module object (also a deserialized one). Anything else is refused here, so that PowerShell goes on to bind
        /// a piped row by property name (its Id or SegmentId column) instead.
        /// </summary>
        public MauticRecordRef(PSObject record)
        {
            Kind = PSConvert.MauticKind(record) ?? throw new ArgumentException("Not a Mautic record: give an id, a name or a record from a Get-Mautic* cmdlet.");
            Record = record;
            var id = record.Properties["id"]?.Value;
            if (id is PSObject p) id = p.BaseObject;
            if (id != null && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0) Id = l;
        }

        /// <summary>The record's module type name (Mautic.Segment); null for an id or a name.</summary>
        public string Kind { get; }

        /// <summary>
        /// The id in <paramref name="kind"/>: an id as given; a record's id, refusing a record of another kind or one
        /// without an id (InvalidArgument); a name looked up by the kind's finder, exactly and without regard to case
        /// (none: NotFound naming it; several: InvalidArgument naming their ids). Names found, and names not found, are
        /// kept in <paramref name="cache"/>, which the caller keeps for one invocation.
        /// </summary>
        public long Resolve(MauticConnection connection, RecordKind kind, IDictionary<string, object> cache, CancellationToken ct)
        {
            if (Record != null)
            {
                if (Kind != kind.TypeName)
                    throw new MauticApiException($"A {Kind} was given where a {kind.Noun} is expected; its id is not a {kind.Noun} id, so nothing was done with it.", MauticErrorKind.InvalidArgument);
                return Id ?? throw new MauticApiException($"The {kind.Noun} given has no id.", MauticErrorKind.InvalidArgument);
            }
            if (Name == null) return Id.Value;
            var key = kind.TypeName + "\n" + Name.ToUpperInvariant();
            if (!cache.TryGetValue(key, out var found))
            {
                try { found = kind.FindIdByName(connection, Name, ct); }
                catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound || e.Kind == MauticErrorKind.InvalidArgument) { found = e; }
                cache[key] = found;
            }
            if (found is MauticApiException error) throw error;
            return (long)found;
        }

        /// <summary>What the user gave, for messages and error targets: the id, the name or the record.</summary>
        public object Given => (object)Record ?? (object)Name ?? Id;

        public override string ToString() => Name ?? (Record != null ? Kind + " " + Id : Id?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A kind of record a <see cref="MauticRecordRef"/> may name: its noun for messages, its type name, and how a name
    /// becomes its id. Every area of the resource table is one (<see cref="Of"/>); projects, read through the v2 API, another.
    /// </summary>
    public sealed class RecordKind
    {
        public RecordKind(string noun, string typeName, Func<MauticConnection, string, CancellationToken, long> findIdByName,
            Func<MauticConnection, CancellationToken, IEnumerable<MauticRecord>> list, string nameField)
        {
            Noun = noun;
            TypeName = typeName;
            FindIdByName = findIdByName;
            List = list;
            NameField = nameField;
        }

        public string Noun { get; }
        public string TypeName { get; }
        public Func<MauticConnection, string, CancellationToken, long> FindIdByName { get; }
        /// <summary>Its records on a connection (the completer reads the first <see cref="RecordCompleter.Limit"/>).</summary>
        public Func<MauticConnection, CancellationToken, IEnumerable<MauticRecord>> List { get; }
        /// <summary>The field that holds a record's name.</summary>
        public string NameField { get; }

        /// <summary>An area of the resource table: a name is looked up through its name field (one list request).</summary>
        public static RecordKind Of(MauticResource area) => Kinds.GetOrAdd(area, a => New(a));

        static readonly System.Collections.Concurrent.ConcurrentDictionary<MauticResource, RecordKind> Kinds = new System.Collections.Concurrent.ConcurrentDictionary<MauticResource, RecordKind>();

        static RecordKind New(MauticResource area) => new RecordKind(area.Noun, area.TypeName, (c, name, ct) => c.Area(area).FindIdByName(name, ct),
            (c, ct) => c.Area(area).List(new ListQuery { First = RecordCompleter.Limit }, ct), area.NameField ?? "name");

        /// <summary>Projects (Mautic 7): a name is looked up in the v2 list, which has no filter.</summary>
        public static readonly RecordKind Project = new RecordKind("project", ProjectService.TypeName, (c, name, ct) => c.Projects.FindIdByName(name, ct),
            (c, ct) => c.Projects.List(ct), "name");
    }
}
