using System.Net.Http;
using Mautic.Client.Auth;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Mautic.Client.Resources;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// UuidReader: the uuid Mautic 7 gives records, which only its v2 API shows, joined onto v1 records in as few requests
/// as the v2 collection allows (30 a page, no id filter), against the fake as 7.0.0 (and 5.1.0 for the gate).
/// </summary>
public class UuidTests : FakeServerTest
{
    /// <summary>The module's requests to a path (the test's own raw calls to check uuids are not counted).</summary>
    List<RecordedRequest> Sent(string path) => State.RequestsTo(path).Where(r => r.UserAgent?.StartsWith("MauticPS", StringComparison.Ordinal) == true).ToList();

    int V2Requests => Sent("/api/v2").Count;

    void SeedEmails(int count)
    {
        lock (State.Sync)
            for (var i = 1; i <= count; i++) State.Emails.Add(new Dictionary<string, object?> { ["name"] = "uuid-" + i, ["subject"] = "s" });
    }

    string V2Uuid(string resource, long id) => (string)RawCall(HttpMethod.Get, $"/v2/{resource}/{id}").Body!["uuid"]!;

    [Fact]
    public void A_listing_reads_the_v2_collection_a_page_ahead_of_need_and_every_uuid_is_the_records_own()
    {
        State.Version = "7.0.0";
        SeedEmails(70 - State.Emails.Rows.Count);
        using var c = Connect();
        var reader = c.Uuids(MauticResources.Emails);
        reader.EnsureServer();
        var before = V2Requests;
        var records = c.Area(MauticResources.Emails).List(new ListQuery { OrderBy = "id", PageSize = 500 }).Select(r => reader.Fill(r, single: false)).ToList();
        Assert.Equal(70, records.Count);
        Assert.Equal(3, V2Requests - before);   // 70 records, 30 a page: pages 1, 2 and 3
        foreach (var r in records) Assert.Equal(V2Uuid("emails", r.Id!.Value), (string)r["uuid"]!);
        Assert.Equal(70, records.Select(r => (string)r["uuid"]!).Distinct().Count());
    }

    [Fact]
    public void A_record_asked_for_by_id_costs_one_item_read_and_a_record_the_collection_lacks_gets_its_own()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var count = State.Emails.Rows.Count;
        Assert.True(count >= 2);
        var reader = c.Uuids(MauticResources.Emails);
        var one = reader.Fill(c.Area(MauticResources.Emails).Get(2), single: true);
        Assert.Equal(V2Uuid("emails", 2), (string)one["uuid"]!);
        Assert.Single(Sent("/api/v2/emails/2"));
        Assert.Single(Sent("/api/v2"));

        // Made after the collection was read to its end: it is not there, so it is read by id.
        var listed = c.Area(MauticResources.Emails).List(new ListQuery()).Select(r => reader.Fill(r, single: false)).ToList();
        SeedEmails(1);
        var lateId = State.Emails.Rows.Keys.Max();
        var late = reader.Fill(c.Area(MauticResources.Emails).Get(lateId), single: false);
        Assert.Equal(V2Uuid("emails", lateId), (string)late["uuid"]!);
        Assert.Single(Sent($"/api/v2/emails/{lateId}"));
        Assert.Equal(count, listed.Count);
    }

    [Fact]
    public void Segments_campaign_events_and_contact_fields_come_from_their_own_v2_resources()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        Assert.Equal(201, RawCall(HttpMethod.Post, "/segments/new", "{\"name\":\"uuid-seg\"}").Status);
        var reader = c.Uuids(MauticResources.Segments);
        var listed = c.Segments.List(new ListQuery()).Select(r => reader.Fill(r, single: false)).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, r => Assert.Equal(V2Uuid("segments", r.Id!.Value), (string)r["uuid"]!));
        var field = c.Uuids(MauticResources.CompanyFields).Fill(c.Area(MauticResources.CompanyFields).List(new ListQuery()).First(), single: true);
        Assert.Equal(V2Uuid("lead_fields", field.Id!.Value), (string)field["uuid"]!);
    }

    [Fact]
    public void On_5_1_the_reader_refuses_at_once_naming_both_versions_and_sends_nothing()
    {
        using var c = Connect();
        var e = Assert.Throws<MauticApiException>(() => c.Uuids(MauticResources.Emails).EnsureServer());
        Assert.Equal(MauticErrorKind.NotSupported, e.Kind);
        Assert.Equal("Reading the uuid of email records needs Mautic 7.0 or later; this server is 5.1.0.", e.Message);
        Assert.Equal(0, V2Requests);
    }

    [Fact]
    public void A_client_credentials_token_which_v2_refuses_is_named_before_anything_is_sent()
    {
        State.Version = "7.0.0";
        using var c = Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret));
        var e = Assert.Throws<MauticApiException>(() => c.Uuids(MauticResources.Forms).EnsureServer());
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
        Assert.Contains("-Credential", e.Message);
        Assert.Equal(0, V2Requests);
    }

    [Fact]
    public void An_area_v2_keeps_no_uuid_for_is_refused_by_name()
    {
        using var c = Connect();
        var e = Assert.Throws<MauticApiException>(() => c.Uuids(MauticResources.Tags));
        Assert.Equal("Mautic keeps no uuid for tag records (its v2 API has none for them).", e.Message);
    }
}
