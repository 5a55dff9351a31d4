using System.Net.Http;

namespace Mautic.Client.Operations
{
    /// <summary>Operations beyond an area's standard routes (users, files, themes, memberships, ...), over one client.</summary>
    public abstract class ClientService
    {
        protected ClientService(MauticClient client) => Client = client ?? throw new ArgumentNullException(nameof(client));

        protected MauticClient Client { get; }

        /// <summary>
        /// Every item of a collection of Mautic 7's v2 API (GET /api/v2/<paramref name="route"/>?page=n, plain JSON),
        /// streamed a page at a time. Measured on 7.0.0: 30 items a page from page 1, ordered by id; itemsPerPage and
        /// filters are ignored. A page shorter than the longest seen so far, or an empty one, is the last; an id already
        /// seen (a record deleted meanwhile shifts the pages) is dropped; a page of nothing new stops with an error.
        /// </summary>
        protected IEnumerable<JObject> WalkV2(string route, string noun, CancellationToken ct)
        {
            var seen = new HashSet<long>();
            var longest = 0;
            for (var page = 1; ; page++)
            {
                var body = Client.Send(MauticRequest.ForV2(HttpMethod.Get, route).With("page", page), ct).Body;
                if (body != null && !(body is JArray))
                    throw new MauticApiException($"GET /api/v2/{route}?page={page} did not answer with a JSON array of {noun}.", MauticErrorKind.Protocol)
                        { Method = "GET", Url = "api/v2/" + route };
                var items = (body as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
                var fresh = 0;
                foreach (var item in items)
                {
                    var id = MauticJson.ToLong(item["id"]);
                    if (id.HasValue && !seen.Add(id.Value)) continue;
                    fresh++;
                    yield return item;
                }
                if (items.Count == 0 || items.Count < longest) yield break;
                if (fresh == 0)
                    throw new MauticApiException($"Paging /api/v2/{route} made no progress: page {page} held only {noun} already seen. Stopping instead of looping.",
                        MauticErrorKind.Protocol) { Method = "GET", Url = "api/v2/" + route };
                longest = Math.Max(longest, items.Count);
            }
        }
    }
}
