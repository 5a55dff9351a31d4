using Mautic.Client.Batching;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// A tag's description: Mautic's v1 API drops it (5.1.0 and 7.0.0, measured), so it goes through 7.0's v2 API and is
/// refused on older servers instead of being lost without a word.
/// </summary>
public class TagDescriptionTests : FakeServerTest
{
    static WriteItem<object> Item(string input, JObject payload, long? id = null) => new(input, payload, id);

    [Fact]
    public void On_5_1_a_tag_with_a_description_is_refused_naming_the_version_and_the_others_are_written()
    {
        using var c = Connect();
        var outcomes = c.Area(MauticResources.Tags).Create(new[]
        {
            Item("a", new JObject { ["tag"] = "a", ["description"] = "described" }),
            Item("b", new JObject { ["tag"] = "b" }),
            Item("c", new JObject { ["tag"] = "c", ["description"] = null }),
        }).ToList();

        Assert.Equal(new[] { false, true, true }, outcomes.Select(o => o.Succeeded));
        Assert.Equal(MauticErrorKind.NotSupported, outcomes[0].Error!.Kind);
        Assert.StartsWith("A tag description needs Mautic 7.0 or later; this server is 5.1.0.", outcomes[0].Error!.Message);
        Assert.Equal("a", outcomes[0].Input);
        var batch = State.RequestsTo("/api/tags/batch/new").Single();
        Assert.DoesNotContain("\"a\"", batch.Body);
        Assert.DoesNotContain("description", batch.Body);
        Assert.Empty(State.RequestsTo("/api/v2/"));
    }

    [Fact]
    public void On_7_0_the_description_goes_through_v2_after_the_v1_write_and_shows_in_the_record()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var outcomes = c.Area(MauticResources.Tags).Create(new[]
        {
            Item("a", new JObject { ["tag"] = "a", ["description"] = "described" }),
            Item("b", new JObject { ["tag"] = "b" }),
        }).ToList();

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal("described", outcomes[0].Record!["description"]?.ToString());
        Assert.DoesNotContain("description", State.RequestsTo("/api/tags/batch/new").Single().Body);
        var patch = State.RequestsTo("/api/v2/tags/").Single();
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal($"/api/v2/tags/{outcomes[0].Record!.Id}", patch.Path);
        Assert.Equal("described", c.Area(MauticResources.Tags).Get(outcomes[0].Record!.Id!.Value)["description"]?.ToString());

        // An edit with an empty description clears it; one without a description sends nothing to v2.
        var id = outcomes[0].Record!.Id!.Value;
        var cleared = c.Area(MauticResources.Tags).Update(new[] { Item("clear", new JObject { ["description"] = "" }, id) }).Single();
        Assert.True(cleared.Succeeded);
        Assert.Null(cleared.Record!["description"]);
        c.Area(MauticResources.Tags).Update(new[] { Item("rename", new JObject { ["tag"] = "a2" }, id) }).Single();
        Assert.Equal(2, State.RequestsTo("/api/v2/tags/").Count);
    }

    [Fact]
    public void On_7_0_a_v2_refusal_says_the_tag_itself_was_written()
    {
        State.Version = "7.0.0";
        using var c = Connect(Auth.OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret));
        var o = c.Area(MauticResources.Tags).Create(new[] { Item("a", new JObject { ["tag"] = "a", ["description"] = "d" }) }).Single();
        Assert.False(o.Succeeded);
        Assert.Contains("was written, but its description was not set", o.Error!.Message);
        Assert.Single(State.Stores["tags"].Rows);
    }
}
