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
