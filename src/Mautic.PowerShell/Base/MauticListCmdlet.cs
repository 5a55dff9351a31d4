using Mautic.Client.Operations;
using Mautic.Client.Paging;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Listing parameters and the streaming loop: records are written as each page arrives; -First/-Skip/
    /// -IncludeTotalCount come from SupportsPaging; progress is shown when the total is known.
    /// </summary>
    public abstract class MauticListCmdlet : MauticPagedCmdlet
    {
        /// <summary>Mautic search expression, e.g. 'email:*@example.com' or 'tag:vip'.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        public string Search { get; set; }

        protected ListQuery BuildQuery()
        {
            var q = BuildPagedQuery();
            if (ListQuery.SearchProblem(Search) is string problem)
                ThrowTerminatingError(new ErrorRecord(new MauticApiException(problem, MauticErrorKind.InvalidArgument), "MauticInvalidArgument", ErrorCategory.InvalidArgument, Search));
            q.Search = Search;
            Refine(q);
            return q;
        }

        /// <summary>What a cmdlet adds to its listing's query (-ModifiedSince and -CreatedSince); nothing by default.</summary>
        protected virtual void Refine(ListQuery q) { }

        protected void WriteList(Pager pager, string activity) =>
            WriteStream(total => { pager.TotalKnown = total; return pager; }, activity);

        UuidReader _uuids;

        /// <summary>
        /// -IncludeUuid, called from Begin: every record this command writes gets its uuid from Mautic 7's v2 API, by an
        /// item read when records were asked for by id (parameter set ById), else from the v2 collection read a page
        /// ahead of need. On a server older than 7.0, or under a client-credentials token v2 refuses, the command ends
        /// at once, having sent nothing. Nothing when <paramref name="wanted"/> is false.
        /// </summary>
        protected void IncludeUuids(MauticResource area, bool wanted)
        {
            if (!wanted) return;
            var reader = Conn.Uuids(area);
            reader.EnsureServer();
            _uuids = reader;
        }

        protected override MauticRecord Trim(MauticRecord record) =>
            _uuids == null ? record : _uuids.Fill(record, single: ParameterSetName == "ById", CancellationToken);
    }

    /// <summary>
    /// What every paged read shares: -Where, -OrderBy, -Descending, plus what <see cref="MauticStreamCmdlet"/> gives.
    /// </summary>
    public abstract class MauticPagedCmdlet : MauticStreamCmdlet
    {
        protected const string ListSet = "List";

        /// <summary>Advanced filters: @{ col = 'city'; expr = 'eq'; val = 'Paris' } (expr defaults to eq).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public Hashtable[] Where { get; set; }

        /// <summary>Column to order by; by default id, which keeps paging stable while data changes.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string OrderBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        protected ListQuery BuildPagedQuery()
        {
            var q = new ListQuery { OrderBy = OrderBy, Descending = Descending, PageSize = Page };
            if (Where != null) foreach (var w in Where) q.Where.Add(WhereClause.FromDictionary(w));
            ApplyPaging(q);
            return q;
        }
    }

    /// <summary>
    /// A streamed read without Mautic's list filters (a report's rows): -PageSize, SupportsPaging's -First/-Skip/
    /// -IncludeTotalCount, and writing records as each page arrives with progress once the total is known.
    /// </summary>
    public abstract class MauticStreamCmdlet : MauticCmdlet
    {
        /// <summary>
        /// Records per request (Mautic has no maximum; a contact is about 6.7 KB). By default 1000 under HTTP Basic and
        /// 500 otherwise (<see cref="ListQuery.DefaultPageSizeFor"/>).
        /// </summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int PageSize { get; set; } = ListQuery.DefaultPageSize;

        /// <summary>-PageSize as given, else the default for the connection's authentication.</summary>
        protected int Page => MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)) ? PageSize : ListQuery.DefaultPageSizeFor(Conn.AuthMethod);

        /// <summary>A query of -PageSize, -First and -Skip only.</summary>
        protected ListQuery BuildStreamQuery()
        {
            var q = new ListQuery { PageSize = Page };
            ApplyPaging(q);
            return q;
        }

        protected void ApplyPaging(ListQuery q)
        {
            if (PagingParameters == null) return;
            q.Skip = (long)System.Math.Min(PagingParameters.Skip, long.MaxValue);
            if (PagingParameters.First != ulong.MaxValue) q.First = (long)System.Math.Min(PagingParameters.First, long.MaxValue);
        }

        /// <summary>
        /// Writes the records <paramref name="source"/> returns when handed the callback that receives the total
        /// (which answers -IncludeTotalCount and drives progress).
        /// </summary>
        protected void WriteStream(Func<Action<long?>, IEnumerable<MauticRecord>> source, string activity)
        {
            long? total = null;
            var records = source(t =>
            {
                total = t;
                if (PagingParameters != null && PagingParameters.IncludeTotalCount)
                    WriteObject(PagingParameters.NewTotalCount((ulong)(t ?? 0), t.HasValue ? 1.0 : 0.0));
            });
            long written = 0;
            var page = Page;
            var progress = new ProgressRecord(1, activity, "Reading");
            foreach (var record in records)
            {
                WriteRecord(record);
                written++;
                if (total.HasValue && total > page && written % page == 0)
                {
                    progress.StatusDescription = $"{written} of {total}";
                    progress.PercentComplete = (int)System.Math.Min(100, written * 100 / total.Value);
                    WriteProgress(progress);
                }
            }
            if (total.HasValue && total > page)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
    }
}
