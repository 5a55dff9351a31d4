namespace Mautic.Client.Operations
{
    /// <summary>What GET data/{type} is asked for: the widget type and the parameters Mautic's WidgetApiController reads.</summary>
    public sealed class WidgetDataQuery
    {
        public string Type { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        /// <summary>Mautic's unit letter: s, i, H, d, W, m or Y (Mautic's default Y).</summary>
        public string TimeUnit { get; set; }
        public string DateFormat { get; set; }
        public int? Limit { get; set; }
        public IDictionary<string, object> Filter { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
        public IList<string> Dataset { get; } = new List<string>();
        public int? CacheTimeout { get; set; }
        /// <summary>True: Mautic's raw data (dataFormat=raw) made into rows; false: the widget's own template data, as one record.</summary>
        public bool Raw { get; set; } = true;
    }

    /// <summary>
    /// Dashboard widgets (DashboardBundle WidgetApiController), measured on 5.1.0: GET data answers {success: 1, types:
    /// {"Contact Widgets": {"created.leads.in.time": "Created contacts in time", ...}, ...}}; GET data/{type} answers
    /// {success, cached, execution_time, data}. With dataFormat=raw a chart's data is {dataset label: {point label: value}}
    /// (a pie's one dataset has the label ""), a table's a list of rows; otherwise the widget's template data (chartType,
    /// chartData / headItems, bodyItems). A type Mautic does not know is 404 "Item was not found."; a time unit other than
    /// s, i, H, d, W, m, Y is 400 naming it. Without dateFrom and dateTo both default to now.
    /// </summary>
    public sealed class DashboardService : ClientService
    {
        public const string WidgetTypeType = "Mautic.DashboardWidgetType";
        public const string DataType = "Mautic.DashboardData";
        const string Route = "data";

        public DashboardService(MauticClient client) : base(client) { }

        /// <summary>The widget types, in Mautic's order: Mautic.DashboardWidgetType records with Type, Name and Category.</summary>
        public IEnumerable<MauticRecord> WidgetTypes(CancellationToken ct = default)
        {
            var body = Client.Send(MauticRequest.Get(Route), ct).Body;
            foreach (var category in MauticJson.Map(body?["types"]))
                foreach (var type in MauticJson.Map(category.Value))
                {
                    var r = new MauticRecord(WidgetTypeType);
                    r["Type"] = type.Key;
                    r["Name"] = type.Value?.ToString().Trim();
                    r["Category"] = category.Key;
                    yield return r;
                }
        }

        /// <summary>
        /// A widget's data. Raw (the default): a chart gives one Mautic.DashboardData record per point (Label, then one
        /// property per dataset, "Value" for a dataset without a label); a table one record per row; anything else one record.
        /// Not raw: one record holding the widget's template data. Each record also carries the widget Type.
        /// </summary>
        public IEnumerable<MauticRecord> Data(WidgetDataQuery q, CancellationToken ct = default)
        {
            if (q == null) throw new ArgumentNullException(nameof(q));
            if (string.IsNullOrWhiteSpace(q.Type) || q.Type.IndexOfAny(new[] { '/', '?', '#', '&', '\\' }) >= 0)
                throw new MauticApiException($"'{q.Type}' is not a dashboard widget type; Get-MauticDashboardWidgetType lists them.", MauticErrorKind.InvalidArgument);
            if (q.From.HasValue && q.To.HasValue && q.From.Value.ToUniversalTime() > q.To.Value.ToUniversalTime())
                throw new MauticApiException($"-DateFrom ({ReportService.Sql(q.From.Value)} UTC) is after -DateTo ({ReportService.Sql(q.To.Value)} UTC).", MauticErrorKind.InvalidArgument);
            var request = MauticRequest.Get(Route + "/" + Uri.EscapeDataString(q.Type));
            if (q.From.HasValue) request.With("dateFrom", ReportService.Sql(q.From.Value));
            if (q.To.HasValue) request.With("dateTo", ReportService.Sql(q.To.Value));
            if (q.From.HasValue || q.To.HasValue) request.With("timezone", "UTC");
            if (!string.IsNullOrEmpty(q.TimeUnit)) request.With("timeUnit", q.TimeUnit);
            if (!string.IsNullOrEmpty(q.DateFormat)) request.With("dateFormat", q.DateFormat);
            if (q.Limit.HasValue) request.With("limit", q.Limit.Value);
            if (q.CacheTimeout.HasValue) request.With("cacheTimeout", q.CacheTimeout.Value);
            foreach (var f in q.Filter) request.With("filter[" + f.Key + "]", Text(f.Value));
            foreach (var d in q.Dataset) request.With("dataset[]", d);
            if (q.Raw) request.With("dataFormat", "raw");
            JToken data;
            try
            {
                data = Client.Send(request, ct).Body?["data"];
            }
            catch (MauticApiException e) when (e.StatusCode == 404)
            {
                throw new MauticApiException($"Mautic has no data for dashboard widget type '{q.Type}': it is not a widget type (Get-MauticDashboardWidgetType lists them) or it gave nothing.",
                    MauticErrorKind.NotFound, e) { StatusCode = e.StatusCode, Method = e.Method, Url = e.Url, MauticMessage = e.MauticMessage };
            }
            return q.Raw ? Rows(q.Type, data) : new[] { Record(q.Type, data as JObject) };
        }

        static IEnumerable<MauticRecord> Rows(string type, JToken data)
        {
            if (data is JArray rows)
            {
                foreach (var row in rows) yield return Record(type, row as JObject ?? new JObject { ["Value"] = row });
                yield break;
            }
            var o = data as JObject;
            if (o != null && o.HasValues && o.Properties().All(p => p.Value is JObject set && set.Properties().All(v => v.Value is JValue)))
            {
                // A chart: {dataset: {point: value}}, made into one row per point with a column per dataset.
                var points = new List<string>();
                foreach (var set in o.Properties())
                    foreach (var p in ((JObject)set.Value).Properties())
                        if (!points.Contains(p.Name)) points.Add(p.Name);
                foreach (var point in points)
                {
                    var r = new MauticRecord(DataType) { ["Type"] = type, ["Label"] = point };
                    foreach (var set in o.Properties())
                        r[set.Name.Length == 0 ? "Value" : set.Name] = Number(((JObject)set.Value)[point]);
                    yield return r;
                }
                yield break;
            }
            yield return Record(type, o);
        }

        static MauticRecord Record(string type, JObject o)
        {
            var shaped = RecordShaper.Shape(o ?? new JObject(), DataType, false);
            var r = new MauticRecord(DataType) { ["Type"] = type };
            foreach (var p in shaped.Properties) if (!r.Has(p.Key)) r[p.Key] = p.Value;
            return r;
        }

        /// <summary>Chart values arrive as numbers or numeric strings ("14" beside 0); both become numbers.</summary>
        static object Number(JToken v)
        {
            if (v == null || v.Type == JTokenType.Null) return null;
            if (v.Type == JTokenType.Integer) return v.Value<long>();
            if (v.Type == JTokenType.Float) return v.Value<double>();
            var s = v.ToString();
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            return s;
        }

        static string Text(object v) => v is bool b ? (b ? "1" : "0") : Convert.ToString(v, CultureInfo.InvariantCulture);
    }
}
