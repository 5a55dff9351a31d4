using System.Net.Http;
using System.Text.Json.Nodes;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's /api/v2/contactcategories and lead_categories stats rows against what a real Mautic 7.0.0 answered to the
/// same requests (curl, Basic auth, 2026-12-06; real answers quoted, ids and the category's names adapted).
/// </summary>
public sealed class FakeContactCategoryTests : FakeServerTest
{
    public FakeContactCategoryTests()
    {
        State.Version = "7.0.0";
        lock (State.Sync)
        {
            State.AddContact("c1@example.com");
            State.Categories.Add(new Dictionary<string, object?> { ["title"] = "catg-measure", ["alias"] = "catg-measure", ["bundle"] = "global" });
        }
    }

    const string Pair = "\"category\":\"/api/v2/categories/1\",\"lead\":\"/api/v2/contacts/1\"";

    [Fact]
    public void Post_answers_the_row_and_the_same_pair_twice_makes_a_second_row()
    {
        var (status, body) = RawCall(HttpMethod.Post, "/v2/contactcategories", "{" + Pair + ""","manuallyAdded":true,"dateAdded":"2026-12-06T10:00:00+00:00"}""");
        Assert.Equal(201, status);
        Same("""{"id":1,"category":{"id":1,"title":"catg-measure","alias":"catg-measure","bundle":"global"},"lead":"/api/v2/contacts/1","dateAdded":"2026-12-06T10:00:00+00:00","manuallyRemoved":false,"manuallyAdded":true}""", body);
        var (again, second) = RawCall(HttpMethod.Post, "/v2/contactcategories", "{" + Pair + ""","dateAdded":"2026-12-06T10:00:00+02:00"}""");
        Assert.Equal(201, again);
        Same("""{"id":2,"category":{"id":1,"title":"catg-measure","alias":"catg-measure","bundle":"global"},"lead":"/api/v2/contacts/1","dateAdded":"2026-12-06T08:00:00+00:00","manuallyRemoved":false,"manuallyAdded":false}""", second);
        var (_, stats) = RawCall(HttpMethod.Get, "/stats/lead_categories?where%5B0%5D%5Bcol%5D=lead_id&where%5B0%5D%5Bexpr%5D=eq&where%5B0%5D%5Bval%5D=1");
        Same("""{"total":"2","stats":[{"id":"1","category_id":"1","lead_id":"1","date_added":"2026-12-06 10:00:00","manually_removed":"0","manually_added":"1"},{"id":"2","category_id":"1","lead_id":"1","date_added":"2026-12-06 08:00:00","manually_removed":"0","manually_added":"0"}]}""", stats);
    }

    [Theory]
    [InlineData("""{"category":"/api/v2/categories/1","lead":"/api/v2/contacts/999999","dateAdded":"2026-12-06T10:00:00Z"}""", "Item not found for \"/api/v2/contacts/999999\".")]
    [InlineData("""{"category":"/api/v2/categories/9999","lead":"/api/v2/contacts/1","dateAdded":"2026-12-06T10:00:00Z"}""", "Item not found for \"/api/v2/categories/9999\".")]
    [InlineData("""{"category":"/api/v2/categories/1","lead":"abc","dateAdded":"2026-12-06T10:00:00Z"}""", "Invalid IRI \"abc\".")]
    [InlineData("""{"category":"/api/v2/categories/1","lead":"/api/v2/contacts/1"}""", null)]
    [InlineData("""{"category":"/api/v2/categories/1","dateAdded":"2026-12-06T10:00:00Z"}""", null)]
    [InlineData("""{"category":"/api/v2/categories/1","lead":"/api/v2/contacts/1","dateAdded":"2026-12-06T10:00:00Z","manuallyAdded":"yes"}""", null)]
    public void A_post_mautic_cannot_store_is_its_500(string json, string? message)
    {
        var (status, body) = RawCall(HttpMethod.Post, "/v2/contactcategories", json);
        Assert.Equal(500, status);
        Same($$"""{"errors":[{"message":{{JsonValue.Create(message ?? "Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!")!.ToJsonString()}},"code":500,"type":null}]}""", body);
        Assert.Empty(State.ContactCategories);
    }

    [Fact]
    public void Put_needs_the_whole_row_and_resets_the_flags_it_does_not_send_and_delete_is_204_then_404()
    {
        RawCall(HttpMethod.Post, "/v2/contactcategories", "{" + Pair + ""","manuallyAdded":true,"manuallyRemoved":true,"dateAdded":"2026-12-06T10:00:00Z"}""");
        var (partial, _) = RawCall(HttpMethod.Put, "/v2/contactcategories/1", """{"manuallyRemoved":true}""");
        Assert.Equal(500, partial);
        var (status, body) = RawCall(HttpMethod.Put, "/v2/contactcategories/1", "{" + Pair + ""","dateAdded":"2026-12-05T10:00:00+00:00"}""");
        Assert.Equal(200, status);
        Same("""{"id":1,"category":{"id":1,"title":"catg-measure","alias":"catg-measure","bundle":"global"},"lead":"/api/v2/contacts/1","dateAdded":"2026-12-05T10:00:00+00:00","manuallyRemoved":false,"manuallyAdded":false}""", body);
        Assert.Equal(404, RawCall(HttpMethod.Get, "/v2/contactcategories/99999").Status);
        Assert.Equal(204, RawCall(HttpMethod.Delete, "/v2/contactcategories/1").Status);
        var (gone, error) = RawCall(HttpMethod.Delete, "/v2/contactcategories/1");
        Assert.Equal(404, gone);
        Same("""{"errors":[{"message":"Not Found","code":404,"type":null}]}""", error);
    }

    [Fact]
    public void On_5_1_the_route_is_the_v1_404()
    {
        State.Version = "5.1.0";
        var (status, _) = RawCall(HttpMethod.Post, "/v2/contactcategories", "{" + Pair + ""","dateAdded":"2026-12-06T10:00:00Z"}""");
        Assert.Equal(404, status);
    }
}
