using Mautic.Client.Batching;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

public class BulkWriterTests : FakeServerTest
{
    [Fact]
    public void Records_fed_one_at_a_time_go_out_200_per_request_as_each_batch_fills()
    {
        var sent = new List<int>();
        var writer = new BulkWriter<int>(items => { sent.Add(items.Count); return items.Select(i => BatchOutcome<int>.Success(i.Input, new MauticRecord(), 201)); });
        var answeredAt = new List<int>();
        for (var i = 0; i < 450; i++)
            if (writer.Add(new WriteItem<int>(i, new JObject())).Count > 0) answeredAt.Add(i);
        Assert.Equal(new[] { 199, 399 }, answeredAt); // results stream while the pipeline still runs
        Assert.Equal(50, writer.Pending);
        Assert.Equal(50, writer.Complete().Count);
        Assert.Equal(new[] { 200, 200, 50 }, sent);
        Assert.Empty(writer.Complete());
    }

    [Fact]
    public void An_item_the_sender_did_not_answer_for_comes_back_as_an_error_carrying_it()
    {
        var writer = new BulkWriter<string>(items => items.Take(1).Select(i => BatchOutcome<string>.Success(i.Input, new MauticRecord(), 200)));
        writer.Add(new WriteItem<string>("kept", new JObject()));
        writer.Add(new WriteItem<string>("dropped", new JObject()));
        var outcomes = writer.Complete();
        Assert.Equal(2, outcomes.Count);
        var lost = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("dropped", lost.Input);
    }

    [Fact]
    public void Piped_450_contacts_become_3_batch_requests_and_the_bad_one_an_error_carrying_its_row()
    {
        using var c = Connect();
        var writer = new BulkWriter<object>(items => c.Contacts.Create(items));
        var rows = Enumerable.Range(0, 450).Select(i => (object)new Dictionary<string, object> { ["email"] = i == 42 ? "x@y" : $"row{i}@example.com" }).ToList();
        var outcomes = new List<BatchOutcome<object>>();
        foreach (var row in rows)
            outcomes.AddRange(writer.Add(new WriteItem<object>(row, new JObject { ["email"] = (string)((Dictionary<string, object>)row)["email"] })));
        outcomes.AddRange(writer.Complete());
        Assert.Equal(3, State.RequestsTo("/api/contacts/batch/new").Count);
        Assert.Equal(450, outcomes.Count);
        var bad = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Same(rows[42], bad.Input);
        Assert.Equal(449, State.Contacts.Count);
    }

    [Fact]
    public void Batch_size_is_bounded_by_mautics_limit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkWriter<int>(_ => Array.Empty<BatchOutcome<int>>(), 201));
}
