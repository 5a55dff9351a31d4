using System.Globalization;
using System.Management.Automation.Language;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Tab completion for a parameter that names a record (a <see cref="MauticRecordRef"/>, an id, a name): the records of
    /// one area on the connection in -Connection or the session's, shown as "id - name". Typing digits (or nothing)
    /// completes ids; typing text completes names (quoted where PowerShell needs it), or their ids where the parameter
    /// takes only a number. The list is read in the background, at most
    /// <see cref="Limit"/> records, and kept per connection for <see cref="Fresh"/>; a completion waits at most
    /// <see cref="Wait"/> and then offers what has arrived. Not connected, or Mautic slow or failing: nothing, never
    /// an error. A completer is one line: <c>public sealed class SegmentCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Segments); }</c>;
    /// the records of a cmdlet's own area (the -Id of Get-, Set- and Remove-Mautic&lt;Area&gt;) follow from the cmdlet
    /// (<see cref="AreaRecordCompleter"/>). A parameter whose name ends in Name completes names even when nothing is typed.
    /// Contacts are never offered: a Mautic holds too many for a list to help.
    /// </summary>
    public abstract class RecordCompleter : IArgumentCompleter
    {
        internal static readonly TimeSpan Wait = TimeSpan.FromSeconds(2), Fresh = TimeSpan.FromSeconds(30), Load = TimeSpan.FromSeconds(30);
        internal const int Limit = 1000;

        /// <summary>The kind of record offered.</summary>
        protected virtual RecordKind Kind => null;

        /// <summary>The kind offered for this command line (<see cref="Kind"/> unless the command decides it); null offers nothing.</summary>
        protected virtual RecordKind KindFor(string commandName, IDictionary fakeBoundParameters) => Kind;

        sealed class Entry
        {
            public readonly List<KeyValuePair<long, string>> Records = new List<KeyValuePair<long, string>>();
            public Task Loading;
            public DateTime Started;
        }

        static readonly ConditionalWeakTable<MauticConnection, Dictionary<string, Entry>> Cache = new ConditionalWeakTable<MauticConnection, Dictionary<string, Entry>>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var connection = ConnectionOf(fakeBoundParameters);
                var kind = connection == null ? null : KindFor(commandName, fakeBoundParameters);
                if (kind == null) return Enumerable.Empty<CompletionResult>();
                var entry = EntryFor(connection, kind);
                entry.Loading.Wait(Wait);
                List<KeyValuePair<long, string>> records;
                lock (entry.Records) records = entry.Records.ToList();
                var byNameOnly = parameterName != null && parameterName.EndsWith("Name", StringComparison.OrdinalIgnoreCase);
                return Offer(records, wordToComplete ?? "", byNameOnly, TakesIdsOnly(commandName, parameterName));
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        /// <summary>The connection in -Connection, else the session's; null when there is none.</summary>
        internal static MauticConnection ConnectionOf(IDictionary fakeBoundParameters) =>
            Unwrap(fakeBoundParameters?["Connection"]) ?? Unwrap(ScriptBlock.Create("$global:MauticConnection").InvokeReturnAsIs());

        static MauticConnection Unwrap(object o) => (o is PSObject p ? p.BaseObject : o) as MauticConnection;

        /// <summary>The kind's list for this connection: the one read less than <see cref="Fresh"/> ago, or still being read; else a new read.</summary>
        static Entry EntryFor(MauticConnection connection, RecordKind kind)
        {
            var byKind = Cache.GetOrCreateValue(connection);
            lock (byKind)
            {
                var key = kind.TypeName + "\n" + kind.Noun;   // contact and company fields share a type name
                if (byKind.TryGetValue(key, out var known) && (!known.Loading.IsCompleted || DateTime.UtcNow - known.Started < Fresh))
                    return known;
                var entry = new Entry { Started = DateTime.UtcNow };
                entry.Loading = Task.Run(() =>
                {
                    using (var cts = new CancellationTokenSource(Load))
                        foreach (var r in kind.List(connection, cts.Token).Take(Limit))
                            if (r.Id is long id)
                                lock (entry.Records) entry.Records.Add(new KeyValuePair<long, string>(id, Convert.ToString(r[kind.NameField])));
                });
                byKind[key] = entry;
                return entry;
            }
        }

        /// <summary>
        /// Digits or nothing typed: ids that start so. Text typed (or any word for a -...Name parameter): names that start
        /// with it, then names that contain it, completed as quoted names, or as their ids where the parameter takes only ids.
        /// </summary>
        static IEnumerable<CompletionResult> Offer(List<KeyValuePair<long, string>> records, string typed, bool byNameOnly, bool idsOnly)
        {
            var word = typed.Trim('\'', '"', '\u2018', '\u2019', '\u201C', '\u201D');
            var byName = byNameOnly || typed.Length > 0 && (word.Length < typed.Length || !word.All(char.IsDigit));
            IEnumerable<KeyValuePair<long, string>> matches;
            if (!byName)
                matches = records.Where(r => r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal)).OrderBy(r => r.Key);
            else
            {
                var named = records.Where(r => !string.IsNullOrEmpty(r.Value) && r.Value.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
                matches = named.Where(r => r.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    .Concat(named.Where(r => !r.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)));
            }
            return matches.Select(r =>
            {
                var id = r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var item = string.IsNullOrEmpty(r.Value) ? id : id + " - " + r.Value;
                return new CompletionResult(byName && !idsOnly ? Quote(r.Value) : id, item, CompletionResultType.ParameterValue, item);
            }).ToList();
        }

        /// <summary>The module's cmdlet classes by name (Get-MauticSegment; also module-qualified, Mautic\Get-MauticSegment); null for another command.</summary>
        internal static Type CmdletType(string commandName)
        {
            var name = commandName ?? "";
            Cmdlets.TryGetValue(name.Substring(name.LastIndexOf('\\') + 1), out var type);
            return type;
        }

        static readonly Dictionary<string, Type> Cmdlets = typeof(RecordCompleter).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
            .Select(t => (t, a: (CmdletAttribute)Attribute.GetCustomAttribute(t, typeof(CmdletAttribute))))
            .Where(x => x.a != null)
            .ToDictionary(x => x.a.VerbName + "-" + x.a.NounName, x => x.t, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// True when the parameter takes only ids (a number: -Id, -SegmentId): typed text then finds records by name but
        /// the id goes on the command line. A reference (<see cref="MauticRecordRef"/>) or a name parameter takes the name.
        /// </summary>
        static bool TakesIdsOnly(string commandName, string parameterName)
        {
            var type = CmdletType(commandName)?.GetProperty(parameterName ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type == null) return false;
            type = type.IsArray ? type.GetElementType() : Nullable.GetUnderlyingType(type) ?? type;
            return type == typeof(long) || type == typeof(int);
        }

        /// <summary>A name as PowerShell reads it back: bare when it is one plain word, else single-quoted.</summary>
        internal static string Quote(string name) =>
            name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.')
                ? name
                : "'" + CodeGeneration.EscapeSingleQuotedStringContent(name) + "'";
    }

    /// <summary>Completes segment references (-Segment).</summary>
    public sealed class SegmentCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Segments); }
    /// <summary>Completes company references (-Company).</summary>
    public sealed class CompanyCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Companies); }
    /// <summary>Completes campaign references (-Campaign).</summary>
    public sealed class CampaignCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Campaigns); }
    /// <summary>Completes stage references (-Stage).</summary>
    public sealed class StageCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Stages); }
    /// <summary>Completes text message references (-Sms).</summary>
    public sealed class SmsCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Smses); }
    /// <summary>Completes e-mail references (-Email).</summary>
    public sealed class EmailCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Emails); }
    /// <summary>Completes tag references (-Tag).</summary>
    public sealed class TagCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Tags); }
    /// <summary>Completes project references (-Project; Mautic 7).</summary>
    public sealed class ProjectCompleter : RecordCompleter { protected override RecordKind Kind => RecordKind.Project; }
    /// <summary>Completes category references (-Category).</summary>
    public sealed class CategoryCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Categories); }
    /// <summary>Completes form references (-FormId).</summary>
    public sealed class FormCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Forms); }
    /// <summary>Completes point group references (-PointGroupId).</summary>
    public sealed class PointGroupCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.PointGroups); }
    /// <summary>Completes role references (-RoleId).</summary>
    public sealed class RoleCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Roles); }
    /// <summary>Completes user references (Test-MauticUserPermission -Id).</summary>
    public sealed class UserCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Users); }
    /// <summary>Completes report references (Get-MauticReportData -Id).</summary>
    public sealed class ReportCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Reports); }
    /// <summary>Completes focus item references (Get-MauticFocusScript -Id).</summary>
    public sealed class FocusCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Focus); }

    /// <summary>A cmdlet that works on the records of one area of the resource table (which may follow from its parameters: -Object of the field cmdlets).</summary>
    internal interface IAreaCmdlet
    {
        MauticResource Area { get; }
    }

    /// <summary>
    /// Completes the records of the cmdlet's own area (<see cref="IAreaCmdlet"/>): the -Id of every Get-, Set- and
    /// Remove-Mautic&lt;Area&gt;, the record of Remove-MauticFormField. The area follows from the cmdlet class and the
    /// parameters already on the command line (Get-MauticField -Object Company -Id completes company fields), so a new
    /// area needs no completer of its own. Contacts are not offered.
    /// </summary>
    public sealed class AreaRecordCompleter : RecordCompleter
    {
        protected override RecordKind KindFor(string commandName, IDictionary fakeBoundParameters)
        {
            var type = CmdletType(commandName);
            if (type == null || !typeof(IAreaCmdlet).IsAssignableFrom(type)) return null;
            var cmdlet = (IAreaCmdlet)Activator.CreateInstance(type);
            if (fakeBoundParameters != null)
                foreach (DictionaryEntry given in fakeBoundParameters)
                {
                    var property = type.GetProperty(given.Key as string ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    if (property == null || !property.CanWrite || !Attribute.IsDefined(property, typeof(ParameterAttribute))) continue;
                    try { property.SetValue(cmdlet, LanguagePrimitives.ConvertTo(given.Value, property.PropertyType, CultureInfo.InvariantCulture)); }
                    catch (Exception) { }   // not (yet) a valid value: the area is the cmdlet's default
                }
            var area = cmdlet.Area;
            return area == null || area == MauticResources.Contacts ? null : RecordKind.Of(area);
        }
    }
}
