using System.Net;
using System.Net.Http;
using Mautic.Client;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The defects the fault matrix (tests/Live/Mautic.Faults.Tests.ps1, through tests/Mautic.FaultProxy, on the real 5.1.0)
/// found, held against the fake: a retried delete whose cut-off first try had deleted the records; a gateway's 502/504
/// to a POST; a 200 whose body is only an error, on a batch route.
/// </summary>
public sealed class FaultMatrixTests : FakeServerTest
{
    /// <summary>A gateway in front of the fake: answers a matching request itself, before or after passing it on.</summary>
    sealed class Gateway(Func<HttpRequestMessage, bool> matches, HttpStatusCode status, string contentType, string body, bool forward) : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Hits;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (!matches(request) || Interlocked.Increment(ref Hits) > 1) return await base.SendAsync(request, ct);
            if (forward) (await base.SendAsync(request, ct)).Dispose();
            return new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType), RequestMessage = request };
        }
    }

    const string Page504 = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    MauticClient Through(Gateway gateway)
    {
        var o = Options();
        o.Handler = gateway;
        o.SettleDelay = TimeSpan.FromMilliseconds(50);
        return new MauticClient(o);
    }

    static Func<HttpRequestMessage, bool> Post(string path) => r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == path;

    static WriteItem<string> Row(string email) => new(email, new JObject { ["email"] = email, ["firstname"] = "F" });

    static List<WriteItem<long>> Ids(params long[] ids) => ids.Select(id => WriteItem<long>.ForId(id, id)).ToList();

    [Fact]
    public void A_retried_batch_delete_whose_cut_off_first_try_deleted_the_contacts_reports_them_deleted()
    {
        using var c = Client();
        var a = State.AddContact("a@x.example").Id;
        var b = State.AddContact("b@x.example").Id;
        State.Arm(new Fault { Method = "DELETE", PathPrefix = "/api/contacts/batch/delete", Kind = FaultKind.DropAfter });
        var outcomes = new ContactService(c).Delete(Ids(a, b)).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(new[] { a, b }, outcomes.Select(o => o.Record.Id!.Value));
        Assert.Empty(State.Contacts);
        Assert.Equal(2, State.RequestsTo("/api/contacts/batch/delete").Count());
        Assert.Contains($"Contact {a} is gone: an earlier try of the delete was cut off after it was sent", AllLog);
    }

    [Fact]
    public void A_retried_single_delete_answered_404_after_its_cut_off_first_try_deleted_the_contact_reports_it_deleted()
    {
        using var c = Client();
        var a = State.AddContact("a@x.example").Id;
        State.Arm(new Fault { Method = "DELETE", PathPrefix = $"/api/contacts/{a}/delete", Kind = FaultKind.DropAfter });
        var outcome = new ContactService(c).Delete(Ids(a)).Single();
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(a, outcome.Record.Id);
        Assert.Empty(State.Contacts);
    }

    [Fact]
    public void On_7_0_a_retried_batch_delete_answered_500_after_its_cut_off_first_try_deleted_the_segments_reports_them_deleted()
    {
        // Mautic 7.0 answers a segments batch delete that names an id it lacks with a 500 (measured on 7.0.0), so the
        // retry of a batch the first try deleted fails as a whole.
        State.Version = "7.0.0";
        using var c = Client();
        var segments = new SegmentService(c);
        var made = segments.Create(new[] { new WriteItem<string>("A", new JObject { ["name"] = "A" }), new WriteItem<string>("B", new JObject { ["name"] = "B" }) })
            .Select(o => o.Record.Id!.Value).ToArray();
        State.Arm(new Fault { Method = "DELETE", PathPrefix = "/api/segments/batch/delete", Kind = FaultKind.DropAfter });
        var outcomes = segments.Delete(Ids(made)).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.DoesNotContain(State.Segments.Keys, made.Contains);
        Assert.Equal(2, State.RequestsTo("/api/segments/batch/delete").Count());
    }

    [Fact]
    public void Without_a_cut_off_try_an_unknown_id_is_still_reported_not_deleted()
    {
        using var c = Client();
        var a = State.AddContact("a@x.example").Id;
        var outcomes = new ContactService(c).Delete(Ids(a, 999999)).ToList();
        Assert.True(outcomes[0].Succeeded);
        Assert.False(outcomes[1].Succeeded);
        Assert.Equal(MauticErrorKind.NotFound, outcomes[1].Error.Kind);
        var single = new ContactService(c).Delete(Ids(999998)).Single();
        Assert.Equal(MauticErrorKind.NotFound, single.Error.Kind);
    }

    [Fact]
    public void A_504_after_the_gateway_passed_the_create_on_is_read_back_and_reported_saved()
    {
        var gateway = new Gateway(Post("/api/contacts/batch/new"), HttpStatusCode.GatewayTimeout, "text/html", Page504, forward: true);
        using var c = Through(gateway);
        var outcomes = new ContactService(c).Create(new[] { Row("g1@x.example"), Row("g2@x.example") }).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(2, State.Contacts.Count);
        Assert.Single(State.RequestsTo("/api/contacts/batch/new"));
    }

    [Fact]
    public void A_504_before_Mautic_got_the_create_leaves_the_rows_in_doubt_since_Mautic_may_still_be_working()
    {
        var gateway = new Gateway(Post("/api/contacts/batch/new"), HttpStatusCode.GatewayTimeout, "text/html", Page504, forward: false);
        using var c = Through(gateway);
        var outcomes = new ContactService(c).Create(new[] { Row("h1@x.example"), Row("h2@x.example") }).ToList();
        var error = outcomes[0].Error;
        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Contains("answered HTTP 504 (Gateway Timeout) by a gateway", error.Message);
        Assert.EndsWith("it may yet be saved: it stays in doubt.", error.Message);
        Assert.Empty(State.Contacts);
    }

    [Fact]
    public void A_502_to_a_create_is_read_back_and_a_row_not_there_is_safe_to_send_again()
    {
        var gateway = new Gateway(Post("/api/contacts/batch/new"), HttpStatusCode.BadGateway, "text/html", "<html><body>502 Bad Gateway</body></html>", forward: false);
        using var c = Through(gateway);
        var outcomes = new ContactService(c).Create(new[] { Row("b1@x.example"), Row("b2@x.example") }).ToList();
        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        var error = outcomes[1].Error;
        Assert.StartsWith("Mautic did not save this contact:", error.Message);
        Assert.EndsWith("Sending it again is safe.", error.Message);
        Assert.False(error.MayHaveBeenProcessed);
    }

    [Fact]
    public void A_502_to_another_post_says_it_may_have_been_processed()
    {
        var gateway = new Gateway(Post("/api/segments/new"), HttpStatusCode.BadGateway, "text/html", "<html><body>502 Bad Gateway</body></html>", forward: true);
        using var c = Through(gateway);
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Post("segments/new", new JObject { ["name"] = "S" })));
        Assert.True(e.MayHaveBeenProcessed);
        Assert.Equal(502, e.StatusCode);
        Assert.Contains("Mautic may have processed it", e.Message);
    }

    [Fact]
    public void A_200_whose_body_is_only_an_error_fails_every_row_of_a_batch_with_that_error()
    {
        var body = "{\"errors\":[{\"code\":500,\"message\":\"Looks like I encountered an error (error #500).\",\"details\":[]}]}";
        var gateway = new Gateway(Post("/api/contacts/batch/new"), HttpStatusCode.OK, "application/json", body, forward: false);
        using var c = Through(gateway);
        var outcomes = new ContactService(c).Create(new[] { Row("e1@x.example"), Row("e2@x.example"), Row("e3@x.example") }).ToList();
        Assert.All(outcomes, o =>
        {
            Assert.False(o.Succeeded);
            Assert.Contains("error #500", o.Error.Message);
        });
        Assert.Empty(State.Contacts);
    }
}
