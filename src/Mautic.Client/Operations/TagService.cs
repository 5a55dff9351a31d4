using System.Net.Http;
using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Tags: the standard routes, except for the description. Mautic's v1 API shows a tag's description but takes none:
    /// tags/new and {id}/edit answer 200 with description null whatever is sent (measured on 5.1.0 and 7.0.0), and only
    /// 7.0's v2 API sets it (PATCH /api/v2/tags/{id}, a JSON merge patch). So a description is never sent to v1, where it
    /// would be lost without a word: on 7.x each tag that has one is written through v1 and then patched through v2; on
    /// an older server such an input is a NotSupported error naming the server's version, and nothing is sent for it.
    /// </summary>
    public sealed class TagService : EntityService
    {
        public TagService(MauticClient client) : base(client, MauticResources.Tags) { }

        public override IEnumerable<BatchOutcome<T>> Create<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default) =>
            WithDescriptions(items, true, ct, pass => base.Create(pass, ct));

        public override IEnumerable<BatchOutcome<T>> Update<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default, bool replace = false) =>
            WithDescriptions(items, false, ct, pass => base.Update(pass, ct, replace));

        IEnumerable<BatchOutcome<T>> WithDescriptions<T>(IReadOnlyList<WriteItem<T>> items, bool create, CancellationToken ct,
            Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> send)
        {
            // Per input: the description to set through v2 (null: none; "" on an edit: clear it), or the refusal.
            var descriptions = new Dictionary<int, string>();
            var refused = new Dictionary<int, BatchOutcome<T>>();
            var pass = new List<WriteItem<T>>();
            var passIndex = new List<int>();
            for (var n = 0; n < items.Count; n++)
            {
                var item = items[n];
                var payload = item.Payload;
                if (payload != null && payload.TryGetValue("description", out var token))
                {
                    var text = token.Type == JTokenType.Null ? "" : token.ToString();
                    payload = (JObject)payload.DeepClone();
                    payload.Remove("description");
                    if (text.Length > 0 || !create)
                    {
                        var problem = MauticVersions.Problem(Client.ServerVersion, MauticVersions.V7, "A tag description");
                        if (problem != null && text.Length > 0)
                        {
                            refused[n] = BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                                problem + " Mautic's v1 API takes none (it would be dropped); send the tag without it.", MauticErrorKind.NotSupported));
                            continue;
                        }
                        if (problem == null) descriptions[n] = text;
                    }
                    item = new WriteItem<T>(item.Input, payload, item.Id);
                }
                pass.Add(item);
                passIndex.Add(n);
            }
            var sent = pass.Count == 0 ? new List<BatchOutcome<T>>() : send(pass).ToList();
            var byIndex = new Dictionary<int, BatchOutcome<T>>(refused);
            for (var k = 0; k < sent.Count; k++)
            {
                var n = passIndex[k];
                var outcome = sent[k];
                if (outcome.Succeeded && descriptions.TryGetValue(n, out var description)) outcome = Describe(outcome, description, ct);
                byIndex[n] = outcome;
            }
            for (var n = 0; n < items.Count; n++) yield return byIndex[n];
        }

        /// <summary>The v2 PATCH of one written tag's description; a failure says the tag itself was written.</summary>
        BatchOutcome<T> Describe<T>(BatchOutcome<T> written, string description, CancellationToken ct)
        {
            var id = written.Record.Id ?? 0;
            try
            {
                var patch = new JObject { ["description"] = description.Length == 0 ? null : description };
                var body = Client.Send(MauticRequest.ForV2(new HttpMethod("PATCH"), "tags/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), patch), ct).Body;
                written.Record["description"] = body?["description"]?.Type == JTokenType.String ? body["description"].ToString() : null;
                return written;
            }
            catch (MauticApiException e)
            {
                return BatchOutcome<T>.Failure(written.Input, new MauticApiException(
                    $"Tag {id} was written, but its description was not set (through Mautic's v2 API): {e.Message}", e.Kind, e)
                    { StatusCode = e.StatusCode, Method = e.Method, Url = e.Url });
            }
        }
    }
}
