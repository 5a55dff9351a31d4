using System.Net;
using System.Text;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// One theory over every row of the resource table: each generic operation sends the right method to the right path,
/// batches chunk at 200, -Replace means PUT. A recording handler answers in the row's own JSON keys.
/// </summary>
public sealed class ResourceTableTests
{
    public static IEnumerable<object[]> Rows => MauticResources.All.Select(r => new object[] { r.Route });

    sealed class Recorder(MauticResource area) : HttpMessageHandler
    {
        public readonly List<(string Method, string Path, string Query, JToken? Body)> Calls = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content == null ? null : JToken.Parse(await request.Content.ReadAsStringAsync(ct));
            Calls.Add((request.Method.Method, request.RequestUri!.AbsolutePath, Uri.UnescapeDataString(request.RequestUri.Query), body));
            JObject Rec(long id) => new() { ["id"] = id, [area.NameField] = "x" };
            JObject answer;
            if (body is JArray items)
                answer = new JObject
                {
                    [area.Plural] = new JArray(items.Select((t, i) => Rec(t["id"]?.Value<long>() ?? i + 1))),
                    ["statusCodes"] = new JArray(items.Select(_ => 200)),
                };
            else if (request.RequestUri.AbsolutePath.EndsWith("/batch/delete"))
            {
                var ids = Uri.UnescapeDataString(request.RequestUri.Query).Split('=')[1].Split(',').Select(long.Parse);
                answer = new JObject { [area.Plural] = new JArray(ids.Select(Rec)) };
            }
            else if (request.Method == HttpMethod.Get && request.RequestUri.AbsolutePath.EndsWith("/" + area.Route))
                answer = new JObject { ["total"] = "1", [area.Plural] = new JObject { ["5"] = Rec(5) } };
            else if (request.Method == HttpMethod.Delete)
                answer = new JObject { [area.Singular] = new JObject { ["id"] = null, [area.NameField] = "x" } };   // as Mautic answers a delete
            else answer = new JObject { [area.Singular] = Rec(5) };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToString(), Encoding.UTF8, "application/json") };
        }
    }

    static (EntityService, Recorder) Service(string route)
    {
        var area = MauticResources.All.Single(r => r.Route == route);
        var rec = new Recorder(area);
        var client = new MauticClient(new MauticClientOptions { BaseUrl = "http://127.0.0.1:9", Handler = rec, MaxRetries = 0 });
        return (new EntityService(client, area), rec);
    }

    static List<WriteItem<object>> Items(int n, bool withIds) =>
        Enumerable.Range(1, n).Select(i => new WriteItem<object>(i, new JObject { ["description"] = "d" + i }, withIds ? i : null)).ToList();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_operation_sends_its_method_to_its_path(string route)
    {
        var (svc, rec) = Service(route);
        Assert.Equal(5, svc.Get(5).Id);
        Assert.Single(svc.List(new ListQuery()).ToList());
        Assert.True(svc.Create(Items(1, false)).Single().Succeeded);
        Assert.Equal(2, svc.Create(Items(2, false)).Count(o => o.Succeeded));
        Assert.True(svc.Update(Items(1, true)).Single().Succeeded);
        Assert.True(svc.Update(Items(1, true), replace: true).Single().Succeeded);
        Assert.Equal(2, svc.Update(Items(2, true)).Count(o => o.Succeeded));
        Assert.Equal(2, svc.Update(Items(2, true), replace: true).Count(o => o.Succeeded));
        Assert.Equal(2, svc.Delete(Items(2, true)).Count(o => o.Succeeded));
        Assert.Equal(1, svc.Delete(Items(1, true)).Single().Record!.Id);
        var api = "/api/" + route;
        Assert.Equal(new[]
        {
            ("GET", api + "/5"), ("GET", api), ("POST", api + "/new"), ("POST", api + "/batch/new"),
            ("PATCH", api + "/1/edit"), ("PUT", api + "/1/edit"), ("PATCH", api + "/batch/edit"), ("PUT", api + "/batch/edit"),
            ("DELETE", api + "/batch/delete"), ("DELETE", api + "/1/delete"),
        }, rec.Calls.Select(c => (c.Method, c.Path)));
        Assert.Equal("?ids=1,2", rec.Calls[^2].Query);
        Assert.All(rec.Calls.Where(c => c.Path.EndsWith("/batch/edit")), c => Assert.Equal(new long[] { 1, 2 }, ((JArray)c.Body!).Select(t => t["id"]!.Value<long>())));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Batches_chunk_at_200(string route)
    {
        var (svc, rec) = Service(route);
        Assert.Equal(450, svc.Create(Items(450, false)).Count(o => o.Succeeded));
        Assert.Equal(401, svc.Update(Items(401, true), replace: true).Count(o => o.Succeeded));
        Assert.Equal(new[] { 200, 200, 50, 200, 200 }, rec.Calls.Where(c => c.Body is JArray).Select(c => ((JArray)c.Body!).Count));
        Assert.Equal("PUT", Assert.Single(rec.Calls, c => c.Body is JObject).Method);   // the 401st alone: single edit, still PUT
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Payloads_drop_read_only_properties_and_require_the_name_on_create(string route)
    {
        var (svc, _) = Service(route);
        var area = svc.Resource;
        var row = new[] { new KeyValuePair<string, object>("id", 9L), new KeyValuePair<string, object>("dateAdded", "2026-01-01"), new KeyValuePair<string, object>("description", "kept") };
        var payload = svc.BuildPayload(row, null, null, create: true, out var problem).Json;
        Assert.Equal("kept", (string?)payload["description"]);
        Assert.Null(payload["id"]);
        Assert.Null(payload["dateAdded"]);
        Assert.Contains(area.NameField, problem);
        var named = new[] { new KeyValuePair<string, object>(area.NameField, "n") };
        // A field the area requires besides its name (an asset's file) is named when missing.
        foreach (var required in area.RequiredOnCreate)
        {
            svc.BuildPayload(row, null, named, create: true, out problem);
            Assert.Contains($"'{required}'", problem);
        }
        svc.BuildPayload(row, null, named.Concat(area.RequiredOnCreate.Select(f => new KeyValuePair<string, object>(f, "x"))), create: true, out problem);
        Assert.Null(problem);
        svc.BuildPayload(null, null, null, create: false, out problem);
        Assert.Contains("nothing to send", problem);
    }

    [Theory]
    [InlineData("vip", "%vip%")]
    [InlineData("vip*", "vip%")]
    [InlineData("%2026", "%2026")]
    [InlineData("my_tag", "%my_tag%")]
    public void Where_a_list_ignores_search_it_is_sent_as_a_like_on_the_search_field(string search, string pattern)
    {
        var (svc, rec) = Service("tags");
        svc.List(new ListQuery { Search = search }).ToList();
        var q = rec.Calls.Single().Query;
        Assert.DoesNotContain("search=", q);
        Assert.Contains("where[0][col]=tag&where[0][expr]=like&where[0][val]=" + pattern, q);
        var (contacts, crec) = Service("contacts");
        contacts.List(new ListQuery { Search = search }).ToList();
        Assert.Contains("search=", crec.Calls.Single().Query);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_name_is_looked_up_with_one_where_eq_on_the_rows_name_field(string route)
    {
        var (svc, rec) = Service(route);
        Assert.Equal(5, svc.FindIdByName("  Acme  "));
        var fields = new[] { svc.Resource.NameField, svc.Resource.AliasField }.Where(f => f != null).ToList();
        Assert.Equal(fields.Count, rec.Calls.Count);   // one where eq per naming field: a segment's name, then its alias
        foreach (var (call, field) in rec.Calls.Zip(fields))
        {
            Assert.Equal(("GET", "/api/" + route), (call.Method, call.Path));
            Assert.Contains($"where[0][col]={field}&where[0][expr]=eq&where[0][val]=Acme", call.Query);
        }
        var empty = Assert.Throws<MauticApiException>(() => svc.FindIdByName(" "));
        Assert.Equal(MauticErrorKind.InvalidArgument, empty.Kind);
    }
}
