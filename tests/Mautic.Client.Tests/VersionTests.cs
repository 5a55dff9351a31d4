using Mautic.Client.Batching;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>What the client keys on the server's Mautic-Version: the gate for 7.x-only work and 7.x's batch delete.</summary>
public class VersionTests : FakeServerTest
{
    static WriteItem<object> Item(long id) => new(id, null!, id);

    [Theory]
    [InlineData("5.1.0", "5.1.0")]
    [InlineData("7.0.0", "7.0.0")]
    [InlineData("7.0.0-beta2", "7.0.0")]
    [InlineData("6.0", "6.0")]
    [InlineData("7", "7.0")]
    [InlineData(" 5.1.4 ", "5.1.4")]
    public void Parses_the_versions_Mautic_reports(string header, string expected) =>
        Assert.Equal(Version.Parse(expected), MauticVersions.Parse(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    public void A_missing_or_wordy_header_is_no_version(string? header) => Assert.Null(MauticVersions.Parse(header!));

    [Theory]
    [InlineData("5.1.0", "Projects needs Mautic 7.0 or later; this server is 5.1.0.")]
    [InlineData("6.0.8", "Projects needs Mautic 7.0 or later; this server is 6.0.8.")]
    [InlineData("7.0.0", null)]
    [InlineData("7.1.2", null)]
    [InlineData("8.0.0", null)]
    public void The_gate_refuses_older_servers_naming_both_versions(string server, string? expected) =>
        Assert.Equal(expected, MauticVersions.Problem(MauticVersions.Parse(server), MauticVersions.V7, "Projects"));

    [Fact]
    public void An_unknown_version_is_let_through_the_gate_and_is_not_v2() =>
        Assert.Null(MauticVersions.Problem(null, MauticVersions.V7, "Projects"));

    [Fact]
    public void The_connection_knows_the_version_and_whether_v2_is_there()
    {
        using (var old = Connect())
        {
            Assert.Equal("5.1.0", old.MauticVersion);
            Assert.False(old.ApiV2);
            var e = Assert.Throws<MauticApiException>(() => old.Client.Require(MauticVersions.V7, "Exporting a campaign"));
            Assert.Equal(MauticErrorKind.NotSupported, e.Kind);
            Assert.Equal("Exporting a campaign needs Mautic 7.0 or later; this server is 5.1.0.", e.Message);
        }
        State.Version = "7.0.0";
        using var current = Connect();
        Assert.Equal("7.0.0", current.MauticVersion);
        Assert.True(current.ApiV2);
        current.Client.Require(MauticVersions.V7, "Exporting a campaign");
    }

    [Fact]
    public void The_fake_as_7_0_refuses_a_segments_batch_delete_naming_an_unknown_id_but_deletes_contacts_as_5_1_does()
    {
        // Measured on 7.0.0: segments answer 500 and delete nothing; contacts answer 200 and delete the others.
        State.Version = "7.0.0";
        var a = State.AddContact("a@example.com");
        var (status, _) = RawCall(HttpMethod.Delete, $"/contacts/batch/delete?ids={a.Id},424242");
        Assert.Equal(200, status);
        Assert.Empty(State.Contacts);
        var (made, body) = RawCall(HttpMethod.Post, "/segments/new", """{"name":"Seven"}""");
        Assert.Equal(201, made);
        var id = body!["list"]!["id"]!.GetValue<long>();
        (status, _) = RawCall(HttpMethod.Delete, $"/segments/batch/delete?ids={id},424242");
        Assert.Equal(500, status);
        lock (State.Sync) Assert.True(State.Segments.ContainsKey(id));
    }

    [Theory]
    [InlineData("5.1.0", false)]
    [InlineData("7.0.0", true)]
    public void Batch_delete_with_a_missing_id_deletes_the_others_on_either_version(string version, bool readsFirst)
    {
        State.Version = version;
        var a = State.AddContact("a@example.com");
        var b = State.AddContact("b@example.com");
        using var c = Connect();
        var outcomes = c.Area(MauticResources.Contacts).Delete(new[] { Item(a.Id), Item(424242), Item(b.Id) }).ToList();

        Assert.Equal(new[] { true, false, true }, outcomes.Select(o => o.Succeeded));
        Assert.Equal(MauticErrorKind.NotFound, outcomes[1].Error!.Kind);
        Assert.Contains("424242", outcomes[1].Error!.Message);
        Assert.Equal(424242L, outcomes[1].Input);
        Assert.Empty(State.Contacts);
        var sent = State.RequestsTo("/api/contacts/batch/delete").Single().Q("ids");
        Assert.Equal(readsFirst ? $"{a.Id},{b.Id}" : $"{a.Id},424242,{b.Id}", sent);
        Assert.Equal(readsFirst ? 1 : 0, State.RequestsTo("/api/contacts", "GET").Count(r => r.Path == "/api/contacts"));
    }

    [Fact]
    public void On_7_0_a_batch_whose_ids_all_are_missing_sends_no_delete()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var outcomes = c.Area(MauticResources.Tags).Delete(new[] { Item(424242), Item(424243) }).ToList();
        Assert.All(outcomes, o => Assert.Equal(MauticErrorKind.NotFound, o.Error!.Kind));
        Assert.Empty(State.RequestsTo("/api/tags/batch/delete"));
    }
}
