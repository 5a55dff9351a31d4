using System.Net;
using System.Text;
using Mautic.Client.Paging;
using Mautic.Client.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// A server that does not honour the filters the pager relies on must never make a listing loop or skip rows.
/// These use a stub handler: the fake Mautic honours every filter, as Mautic does.
/// </summary>
public class PagingGuardTests
{
    sealed class Stub(Func<int, int, string> page) : HttpMessageHandler
    {
        public readonly List<string> Urls = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Urls.Add(request.RequestUri!.Query);
            var q = QueryHelpers.ParseQuery(request.RequestUri.Query);
            var body = page(int.Parse(q["start"]!), int.Parse(q["limit"]!));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    static string Page(IEnumerable<int> ids, int total) =>
        "{\"total\":\"" + total + "\",\"contacts\":{" + string.Join(",", ids.Select(i => $"\"{i}\":{{\"id\":{i}}}")) + "}}";

    static MauticClient Client(HttpMessageHandler h) => new(new MauticClientOptions { BaseUrl = "http://127.0.0.1:1", Handler = h });

    [Fact]
    public void A_server_that_ignores_the_id_filter_is_walked_by_offset_without_gaps_or_repeats()
    {
        // honours start/limit, ignores where[]
        var stub = new Stub((start, limit) => Page(Enumerable.Range(1, 35).Skip(start).Take(limit), 35));
        using var c = Client(stub);
        var ids = new Pager(c, MauticResources.Contacts, new ListQuery { PageSize = 10 }).Select(r => r.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 35).Select(i => (long)i), ids);
    }

    [Fact]
    public void A_server_that_ignores_paging_altogether_stops_with_an_error_instead_of_looping()
    {
        var stub = new Stub((_, _) => Page(Enumerable.Range(1, 10), 1000));
        using var c = Client(stub);
        var e = Assert.Throws<MauticApiException>(() => new Pager(c, MauticResources.Contacts, new ListQuery { PageSize = 10 }).ToList());
        Assert.Equal(MauticErrorKind.Protocol, e.Kind);
        Assert.Contains("no progress", e.Message);
        Assert.InRange(stub.Urls.Count, 2, 3);
    }

    [Fact]
    public void Offset_paging_by_another_column_drops_a_row_it_has_already_yielded()
    {
        // an insert shifts rows between two pages: row 10 comes twice
        var pages = new Queue<int[]>(new[] { Enumerable.Range(1, 10).ToArray(), Enumerable.Range(10, 10).ToArray(), new[] { 20, 21 } });
        var stub = new Stub((_, _) => Page(pages.Dequeue(), 21));
        using var c = Client(stub);
        var ids = new Pager(c, MauticResources.Contacts, new ListQuery { PageSize = 10, OrderBy = "email" }).Select(r => r.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), ids);
    }
}

public class StubbedAnswerTests
{
    sealed class Fixed(HttpStatusCode status, string body, string? location = null) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var r = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, body.StartsWith("<") ? "text/html" : "application/json") };
            if (location != null) r.Headers.Location = new Uri(location);
            return Task.FromResult(r);
        }
    }

    [Fact]
    public void A_redirect_is_reported_as_one_with_its_target()
    {
        using var c = new MauticClient(new MauticClientOptions { BaseUrl = "http://127.0.0.1:1", Handler = new Fixed(HttpStatusCode.MovedPermanently, "<html>Moved</html>", "https://mautic.example.com/api/contacts") });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(301, e.StatusCode);
        Assert.Contains("redirecting to https://mautic.example.com/api/contacts", e.Message);
        Assert.Contains("http vs https", e.Message);
    }

    [Fact]
    public void Batch_delete_matches_records_whose_id_was_cleared_through_deletedId()
    {
        using var c = new MauticClient(new MauticClientOptions { BaseUrl = "http://127.0.0.1:1", Handler = new Fixed(HttpStatusCode.OK, "{\"contacts\":[{\"id\":null,\"deletedId\":7},{\"id\":8}]}") });
        var svc = new Operations.ContactService(c);
        var outcomes = svc.Delete(new[] { new Batching.WriteItem<long>(7, null!, 7), new Batching.WriteItem<long>(8, null!, 8), new Batching.WriteItem<long>(9, null!, 9) }).ToList();
        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(7, outcomes[0].Record!.Id);
        Assert.True(outcomes[1].Succeeded);
        Assert.Equal(MauticErrorKind.NotFound, outcomes[2].Error!.Kind);
    }
}
