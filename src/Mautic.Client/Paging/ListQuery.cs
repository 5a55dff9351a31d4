using System.Collections;

namespace Mautic.Client.Paging
{
    /// <summary>One advanced filter: where[n][col]=..&amp;where[n][expr]=..&amp;where[n][val]=..</summary>
    public sealed class WhereClause
    {
        static readonly HashSet<string> Exprs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "eq", "neq", "lt", "lte", "gt", "gte", "like", "notLike", "in", "notIn", "between", "notBetween",
            "isNull", "isNotNull", "isEmpty", "isNotEmpty", "andX", "orX",
        };

        public WhereClause(string col, string expr, object val)
        {
            if (string.IsNullOrWhiteSpace(col)) throw new MauticApiException("A where clause needs a column ('col').", MauticErrorKind.InvalidArgument);
            if (string.IsNullOrWhiteSpace(expr) || !Exprs.Contains(expr))
                throw new MauticApiException($"'{expr}' is not a Mautic where expression; use one of {string.Join(", ", Exprs)}.", MauticErrorKind.InvalidArgument);
            Col = col;
            Expr = Exprs.First(e => string.Equals(e, expr, StringComparison.OrdinalIgnoreCase));
            Val = val;
        }

        public string Col { get; }
        public string Expr { get; }
        public object Val { get; }

        /// <summary>Builds a clause from a hashtable with keys col, expr (default eq) and val.</summary>
        public static WhereClause FromDictionary(IDictionary d)
        {
            if (d == null) throw new MauticApiException("A where clause is empty.", MauticErrorKind.InvalidArgument);
            object col = null, expr = null, val = null;
            foreach (DictionaryEntry e in d)
            {
                switch (Convert.ToString(e.Key, CultureInfo.InvariantCulture).ToLowerInvariant())
                {
                    case "col": case "column": col = e.Value; break;
                    case "expr": case "operator": expr = e.Value; break;
                    case "val": case "value": val = e.Value; break;
                    default:
                        throw new MauticApiException($"Unknown key '{e.Key}' in a where clause; use col, expr and val (e.g. @{{col='email'; expr='like'; val='%@example.com'}}).", MauticErrorKind.InvalidArgument);
                }
            }
            return new WhereClause(col as string ?? Convert.ToString(col, CultureInfo.InvariantCulture), expr as string ?? "eq", val);
        }

        /// <summary>Adds the clauses to a request as where[n][col], where[n][expr] and where[n][val] (no val for isNull and the like).</summary>
        public static void AddTo(MauticRequest request, IList<WhereClause> clauses) => AddTo(request, clauses, "where");

        /// <summary>
        /// The clauses under <paramref name="prefix"/>; an orX/andX clause's value is its own list of clauses, sent as
        /// prefix[n][val][m][col|expr|val] (measured on 5.1.0 and 7.0.0: Mautic nests them so) and no col of its own.
        /// </summary>
        static void AddTo(MauticRequest request, IList<WhereClause> clauses, string prefix)
        {
            for (var i = 0; i < clauses.Count; i++)
            {
                var n = prefix + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (clauses[i].Val is IList<WhereClause> nested)
                {
                    request.With(n + "[expr]", clauses[i].Expr);
                    AddTo(request, nested, n + "[val]");
                    continue;
                }
                request.With(n + "[col]", clauses[i].Col).With(n + "[expr]", clauses[i].Expr);
                if (clauses[i].Val != null) request.With(n + "[val]", Format(clauses[i].Val));
            }
        }

        /// <summary>
        /// Records changed at or after <paramref name="since"/>: date_modified, or date_added for a record never edited
        /// (measured: on 5.1.0 a contact or company created through the API keeps date_modified NULL until its first edit;
        /// 7.0.0 sets it at creation). Compared in UTC, as Mautic stores them, to the second.
        /// </summary>
        public static WhereClause ChangedSince(DateTime since) =>
            new WhereClause("date_modified", "orX", new List<WhereClause> { new WhereClause("date_modified", "gte", since), new WhereClause("date_added", "gte", since) });

        /// <summary>Records created at or after <paramref name="since"/> (date_added, UTC, to the second).</summary>
        public static WhereClause AddedSince(DateTime since) => new WhereClause("date_added", "gte", since);

        /// <summary>Adds -ModifiedSince / -CreatedSince to a query (either may be null).</summary>
        public static void AddDelta(ListQuery query, DateTime? modifiedSince, DateTime? createdSince)
        {
            if (modifiedSince.HasValue) query.Where.Add(ChangedSince(modifiedSince.Value));
            if (createdSince.HasValue) query.Where.Add(AddedSince(createdSince.Value));
        }

        internal static string Format(object v)
        {
            switch (v)
            {
                case null: return "";
                case bool b: return b ? "1" : "0";
                case DateTime dt: return dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case string s: return s;
                case IEnumerable e: return string.Join(",", e.Cast<object>().Select(Format));
                default: return Convert.ToString(v, CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>What to list and how much of it.</summary>
    public sealed class ListQuery
    {
        /// <summary>
        /// Records per list request. Measured on a real Mautic 5.1.0 (contacts, about 6.7 KB each): a page costs the
        /// server about 1.3 ms a record plus a fixed cost per request (~0.08 s with a Bearer token, ~0.45 s with HTTP
        /// Basic, which bcrypts every call), so 10,000 contacts cost ~58 s in pages of 100 under Basic and ~22 s in pages
        /// of 500, ~21 s and ~15 s with a token. Larger pages gain little more and hold more in memory (two pages at
        /// most: the one being written and the one read ahead).
        /// </summary>
        public const int DefaultPageSize = 500;

        /// <summary>
        /// Records per list request under HTTP Basic, where every request costs Mautic a bcrypt (~0.45 s of CPU): measured
        /// on a real 5.1.0 with 10,000 contacts (bench/results), the module in pages of 500 took 1.27x a raw loop in pages
        /// of 1000 under Basic (20 requests against 10) and 0.96x with a Bearer token, where the request costs ~0.08 s.
        /// </summary>
        public const int BasicAuthPageSize = 1000;

        /// <summary>The default page size for a connection authenticated by <paramref name="authMethod"/> ("Basic", "OAuth2ClientCredentials", ...).</summary>
        public static int DefaultPageSizeFor(string authMethod) => authMethod == "Basic" ? BasicAuthPageSize : DefaultPageSize;

        /// <summary>
        /// A Mautic search expression as the user typed it (email:jo*, tag:vip, plain text). PowerShell's wildcard
        /// <c>*</c> is sent as SQL's <c>%</c>, Mautic's wildcard; see <see cref="ToMauticSearch"/>.
        /// </summary>
        public string Search { get; set; }
        public List<WhereClause> Where { get; } = new List<WhereClause>();
        /// <summary>Column to order by; null orders by id, which is what keeps paging stable while data changes.</summary>
        public string OrderBy { get; set; }
        public bool Descending { get; set; }
        public int PageSize { get; set; } = DefaultPageSize;
        public long Skip { get; set; }
        /// <summary>Stop after this many records; null for all.</summary>
        public long? First { get; set; }
        public bool? PublishedOnly { get; set; }
        public bool Minimal { get; set; }

        /// <summary>
        /// The search as Mautic must receive it. Mautic matches search terms with SQL LIKE, whose wildcard is
        /// <c>%</c> (and <c>_</c> for one character); a <c>*</c> reaching Mautic is a literal character and matches
        /// nothing. PowerShell users type <c>*</c>, so every <c>*</c> becomes <c>%</c>; a <c>%</c> typed directly
        /// is kept. Null and empty stay as they are.
        /// </summary>
        public static string ToMauticSearch(string search) =>
            string.IsNullOrEmpty(search) ? search : search.Replace('*', '%');

        /// <summary>
        /// Why a search cannot be sent, or null: escaped for the URL it must leave room in <see cref="MauticClient.MaxUrlLength"/>
        /// for the rest of the listing's query (measured: a 100,000-character search made the server drop the connection).
        /// </summary>
        public static string SearchProblem(string search)
        {
            if (string.IsNullOrEmpty(search)) return null;
            var sent = Uri.EscapeDataString(ToMauticSearch(search)).Length;
            var room = MauticClient.MaxUrlLength - 1000;
            return sent <= room ? null
                : $"The search is {search.Length:N0} characters ({sent:N0} as sent in the URL, which web servers cut off at about {MauticClient.MaxUrlLength:N0}); shorten it to under {room:N0} as sent. Nothing was sent.";
        }

        /// <summary>-Search as a LIKE pattern, for areas whose list ignores ?search=: text with a wildcard as typed (* as %), plain text anywhere.</summary>
        public static string ToLikePattern(string search)
        {
            var s = ToMauticSearch(search);
            return s.IndexOf('%') >= 0 ? s : "%" + s + "%";
        }

        internal void Validate()
        {
            if (PageSize < 1 || PageSize > 5000)
                throw new MauticApiException($"The page size must be between 1 and 5000, not {PageSize}.", MauticErrorKind.InvalidArgument);
            if (Skip < 0) throw new MauticApiException($"Skip must be 0 or more, not {Skip}.", MauticErrorKind.InvalidArgument);
            if (First.HasValue && First < 0) throw new MauticApiException($"First must be 0 or more, not {First}.", MauticErrorKind.InvalidArgument);
        }
    }
}
