using Mautic.Client.Paging;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's ?search= against what a real Mautic 5.1.0 returned for the same data and the same search string
/// (measured with curl; each row: the search as sent, the contacts or segments it returned, in id order).
/// </summary>
public class SearchTests : FakeServerTest
{
    /// <summary>The contacts and segment the measurements were made on, with the same ids.</summary>
    void SeedAsMeasured()
    {
        State.AddContact("probe1@probe.example", "Again", null, "probetag");
        State.AddContact("alpha.one@probe.example", "Alpha", "Smith", "newt", "probetag");
        var gone = new[] { State.AddContact("gone3@probe.example"), State.AddContact("gone4@probe.example") };
        var comp = State.AddContact("comp@probe.example");
        State.AddContact("beta@sub.probe.example", "Beta");
        State.AddContact("x_y@probe.example", "Under");
        lock (State.Sync)
        {
            foreach (var g in gone) State.Contacts.Remove(g.Id);
            comp.Fields["company"] = "Zeta Corp";
            comp.Fields["city"] = "Paris";
            State.Contacts[6].Fields["company"] = "Acme Probe";
            State.Segments.Clear();
            State.Segments[1] = new Segment { Id = 1, Name = "Probe Segment", Alias = "probe-segment", Members = { 1, 2 } };
            State.Segments[2] = new Segment { Id = 2, Name = "Other List X", Alias = "other-list-x" };
        }
    }

    string Raw(string route, string search, Func<JObject, string> label)
    {
        using var c = Connect();
        var body = (JObject)c.Client.Send(MauticRequest.Get(route).With("search", search).With("limit", 50).With("orderBy", "id")).Body!;
        var plural = route == "contacts" ? "contacts" : "lists";
        var rows = body[plural] is JObject o ? o.Properties().Select(p => (JObject)p.Value) : ((JArray)body[plural]!).Cast<JObject>();
        return string.Join(",", rows.Select(label));
    }

    [Theory]
    [InlineData("email:probe1@probe.example", "probe1")]
    [InlineData("email:probe1", "probe1")]
    [InlineData("email:probe", "probe1")]
    [InlineData("email:probe.example", "")]
    [InlineData("email:@probe.example", "")]
    [InlineData("email:%@probe.example", "probe1,alpha.one,comp,x_y")]
    [InlineData("email:*@probe.example", "")]
    [InlineData("email:%probe%", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("email:alpha%", "alpha.one")]
    [InlineData("email:%one", "alpha.one")]
    [InlineData("email:alpha_one", "alpha.one")]
    [InlineData("email:x_y%", "x_y")]
    [InlineData("email:PROBE1@PROBE.EXAMPLE", "probe1")]
    [InlineData("email:alpha*", "")]
    [InlineData("email:*", "")]
    [InlineData("email:%", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("email:+probe1", "")]
    [InlineData("email:+probe1@probe.example", "probe1")]
    [InlineData("!email:probe1", "alpha.one,comp,beta,x_y")]
    [InlineData("email:!probe1", "alpha.one,comp,beta,x_y")]
    [InlineData("email:\"alpha.one@probe.example\"", "alpha.one")]
    [InlineData("email:", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("email:pro%e1", "probe1")]
    [InlineData("tag:probetag", "probe1,alpha.one")]
    [InlineData("tag:probe", "probe1,alpha.one")]
    [InlineData("tag:probe%", "probe1,alpha.one")]
    [InlineData("tag:%tag", "probe1,alpha.one")]
    [InlineData("tag:PROBETAG", "probe1,alpha.one")]
    [InlineData("tag:probe*", "")]
    [InlineData("tag:tag", "")]
    [InlineData("tag:+probe", "")]
    [InlineData("tag:+probetag", "probe1,alpha.one")]
    [InlineData("tag:newt", "alpha.one")]
    [InlineData("tag:newt tag:probetag", "")]
    [InlineData("!tag:newt", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("!tag:probetag", "alpha.one,comp,beta,x_y")]
    [InlineData("probe", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("alpha", "alpha.one")]
    [InlineData("lpha", "alpha.one")]
    [InlineData("sub.probe", "beta")]
    [InlineData("Acme", "beta")]
    [InlineData("Smith", "alpha.one")]
    [InlineData("zeta", "comp")]
    [InlineData("probe1@probe.example", "probe1")]
    [InlineData("%probe%", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("pro%", "probe1")]
    [InlineData("*probe*", "")]
    [InlineData("*", "")]
    [InlineData("%", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("\"alpha.one\"", "alpha.one")]
    [InlineData("probe alpha", "alpha.one")]
    [InlineData("probe or alpha", "probe1,alpha.one,comp,beta,x_y")]
    [InlineData("alpha or beta", "alpha.one,beta")]
    [InlineData("!probe", "")]
    [InlineData("!alpha", "")]
    [InlineData("name:alp", "alpha.one")]
    [InlineData("name:mith", "")]
    [InlineData("firstname:alp", "alpha.one")]
    [InlineData("city:par", "comp")]
    [InlineData("company:zeta", "comp")]
    [InlineData("company:corp", "")]
    [InlineData("foo:bar", "")]
    [InlineData("ids:1,6", "probe1,beta")]
    [InlineData("email:probe1@probe.example tag:probetag", "probe1")]
    [InlineData("tag:probetag or email:x_y", "")]
    [InlineData("email:x_y or email:alpha", "alpha.one,x_y")]
    [InlineData("segment:probe-segment", "probe1,alpha.one")]
    public void Contact_search_matches_what_mautic_5_1_returned(string search, string expected)
    {
        SeedAsMeasured();
        Assert.Equal(expected, Raw("contacts", search, r => ((string)r["fields"]!["all"]!["email"]!).Split('@')[0]));
    }

    [Theory]
    [InlineData("probe", "probe-segment")]
    [InlineData("robe", "probe-segment")]
    [InlineData("PROBE", "probe-segment")]
    [InlineData("probe-seg", "probe-segment")]
    [InlineData("name:robe", "probe-segment")]
    [InlineData("name:+probe", "")]
    [InlineData("name:\"probe segment\"", "probe-segment")]
    [InlineData("alias:probe", "")]
    [InlineData("pro%", "probe-segment")]
    [InlineData("%seg%", "probe-segment")]
    [InlineData("probe%", "probe-segment")]
    [InlineData("p_obe", "probe-segment")]
    [InlineData("*", "")]
    [InlineData("*robe*", "")]
    [InlineData("%", "probe-segment,other-list-x")]
    [InlineData("other list", "other-list-x")]
    [InlineData("\"other list\"", "other-list-x")]
    [InlineData("x", "other-list-x")]
    [InlineData("is:published", "probe-segment,other-list-x")]
    [InlineData("is:unpublished", "")]
    [InlineData("probe or other", "probe-segment,other-list-x")]
    [InlineData("!probe", "other-list-x")]
    [InlineData("ids:2", "other-list-x")]
    [InlineData("list-x", "other-list-x")]
    [InlineData("%x", "other-list-x")]
    public void Segment_search_matches_what_mautic_5_1_returned(string search, string expected)
    {
        SeedAsMeasured();
        Assert.Equal(expected, Raw("segments", search, r => (string)r["alias"]!));
    }

    [Fact]
    public void A_star_reaching_mautic_matches_nothing_but_the_star_a_user_types_is_sent_as_percent()
    {
        SeedAsMeasured();
        Assert.Equal("", Raw("contacts", "email:*@probe.example", r => (string)r["id"]!));
        using var c = Connect();
        var found = c.Contacts.List(new ListQuery { Search = "email:*@probe.example" }).Select(r => (string)r["email"]!).ToList();
        Assert.Equal(new[] { "probe1@probe.example", "alpha.one@probe.example", "comp@probe.example", "x_y@probe.example" }, found);
        Assert.Equal("email:%@probe.example", State.RequestsTo("/api/contacts").Last().Q("search"));
        Assert.Equal(new[] { "Other List X" }, c.Segments.List(new ListQuery { Search = "*list*" }).Select(r => (string)r["name"]!));
    }
}
