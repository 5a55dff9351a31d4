namespace Mautic.Client.Paging
{
    /// <summary>
    /// Streams a list that pages only by offset (start/limit) and answers {total, &lt;key&gt;: rows}: a stats table, a
    /// form's submissions. One page of <see cref="ListQuery.PageSize"/> rows per request, from <see cref="ListQuery.Skip"/>
    /// up to <see cref="ListQuery.First"/> rows; the caller sends each page (adding its order and filters) and shapes each row.
    /// </summary>
    public static class OffsetWalk
    {
        /// <param name="fetch">Sends the page request for (start, limit) and returns the answer's body.</param>
        public static IEnumerable<MauticRecord> Walk(ListQuery q, string key, Func<long, int, JObject> fetch, Func<JToken, MauticRecord> shape,
            Action<long?> totalKnown = null)
        {
            long start = q.Skip, yielded = 0;
            var first = true;
            while (!q.First.HasValue || yielded < q.First.Value)
            {
                var limit = q.First.HasValue ? (int)Math.Min(q.PageSize, q.First.Value - yielded) : q.PageSize;
                var body = fetch(start, limit);
                var total = MauticJson.ToLong(body?["total"]);
                if (first) totalKnown?.Invoke(total);
                first = false;
                var rows = MauticJson.Map(body?[key]).Select(kv => kv.Value).ToList();
                foreach (var row in rows)
                {
                    yielded++;
                    yield return shape(row);
                    if (q.First.HasValue && yielded >= q.First.Value) yield break;
                }
                start += rows.Count;
                if (rows.Count < limit || rows.Count == 0 || (total.HasValue && start >= total.Value)) yield break;
            }
        }
    }
}
