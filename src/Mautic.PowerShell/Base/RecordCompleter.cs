using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Tab completion for a <see cref="MauticRecordRef"/> parameter: the records of one area on the connection in
    /// -Connection or the session's, shown as "id - name". Typing digits (or nothing) completes ids; typing text
    /// completes names (quoted where PowerShell needs it). The list is read in the background, at most
    /// <see cref="Limit"/> records, and kept per connection for <see cref="Fresh"/>; a completion waits at most
    /// <see cref="Wait"/> and then offers what has arrived. Not connected, or Mautic slow or failing: nothing, never
    /// an error. A completer is one line: <c>public sealed class SegmentCompleter : RecordCompleter { protected override RecordKind Kind { get; } = RecordKind.Of(MauticResources.Segments); }</c>.
    /// </summary>
    public abstract class RecordCompleter : IArgumentCompleter
    {
        internal static readonly TimeSpan Wait = TimeSpan.FromSeconds(2), Fresh = TimeSpan.FromSeconds(30), Load = TimeSpan.FromSeconds(30);
        internal const int Limit = 1000;

        /// <summary>The kind of record offered.</summary>
        protected abstract RecordKind Kind { get; }

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
                if (connection == null) return Enumerable.Empty<CompletionResult>();
                var entry = EntryFor(connection, Kind);
                entry.Loading.Wait(Wait);
                List<KeyValuePair<long, string>> records;
                lock (entry.Records) records = entry.Records.ToList();
                return Offer(records, wordToComplete ?? "");
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
                if (byKind.TryGetValue(kind.TypeName, out var known) && (!known.Loading.IsCompleted || DateTime.UtcNow - known.Started < Fresh))
                    return known;
                var entry = new Entry { Started = DateTime.UtcNow };
                entry.Loading = Task.Run(() =>
                {
                    using (var cts = new CancellationTokenSource(Load))
                        foreach (var r in kind.List(connection, cts.Token).Take(Limit))
                            if (r.Id is long id)
                                lock (entry.Records) entry.Records.Add(new KeyValuePair<long, string>(id, Convert.ToString(r[kind.NameField])));
                });
                byKind[kind.TypeName] = entry;
                return entry;
            }
        }

        /// <summary>Digits or nothing typed: ids that start so. Text typed: names that start with it, then names that contain it.</summary>
        static IEnumerable<CompletionResult> Offer(List<KeyValuePair<long, string>> records, string typed)
        {
            var word = typed.Trim('\'', '"', '\u2018', '\u2019', '\u201C', '\u201D');
            var byName = typed.Length > 0 && (word.Length < typed.Length || !word.All(char.IsDigit));
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
                return new CompletionResult(byName ? Quote(r.Value) : id, item, CompletionResultType.ParameterValue, item);
            }).ToList();
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
}
