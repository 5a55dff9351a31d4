using Mautic.Client.Batching;
using Mautic.Client.Resources;
using Mautic.FakeServer;
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

/// <summary>Batches and per-contact requests side by side (-ThrottleLimit): order, the bound, cancellation, errors.</summary>
public class ParallelBatchTests : FakeServerTest
{
    static List<object> Rows(int n, int bad = -1) =>
        Enumerable.Range(0, n).Select(i => (object)new Dictionary<string, object> { ["email"] = i == bad ? "x@y" : $"row{i}@example.com" }).ToList();

    static WriteItem<object> Item(object row) => new(row, new JObject { ["email"] = (string)((Dictionary<string, object>)row)["email"] });

    static List<BatchOutcome<object>> Write(BulkWriter<object> writer, IEnumerable<object> rows)
    {
        var outcomes = new List<BatchOutcome<object>>();
        foreach (var row in rows) outcomes.AddRange(writer.Add(Item(row)));
        outcomes.AddRange(writer.Complete());
        return outcomes;
    }

    [Fact]
    public void Outcomes_come_back_in_input_order_when_a_later_batch_is_answered_first_and_errors_carry_their_row()
    {
        using var c = Connect();
        // The first batch goes alone; the next request to reach the fake (batch 2, 3 or 4: they are sent together)
        // waits a second there, so a later batch is saved (and answered) before it.
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Delay, DelayMs = 1000, Skip = 1 });
        var rows = Rows(1000, bad: 650);
        var outcomes = Write(new BulkWriter<object>(items => c.Contacts.Create(items), throttle: 3), rows);

        Assert.Equal(rows, outcomes.Select(o => o.Input));                       // input order, every row once
        var bad = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Same(rows[650], bad.Input);
        Assert.Equal(999, State.Contacts.Count);
        var ids = outcomes.Where(o => o.Succeeded).Select(o => o.Record.Id!.Value).ToList();
        Assert.True(ids[0] < ids[200], "the first batch was saved first (it goes alone)");
        var firstOfEach = new[] { ids[200], ids[400], ids[600], ids[798] };   // batches 2 to 5 (row 650 failed)
        Assert.False(firstOfEach.SequenceEqual(firstOfEach.OrderBy(id => id)), "a later batch was saved before an earlier one (they completed out of order)");
        Assert.Equal(5, State.RequestsTo("/api/contacts/batch/new").Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Never_more_batches_in_flight_than_the_throttle_and_1_means_one_after_the_other(int throttle)
    {
        using var c = Connect();
        State.LatencyMs = 100;   // requests overlap whenever the client lets them
        var outcomes = Write(new BulkWriter<object>(items => c.Contacts.Create(items), throttle: throttle), Rows(1400));
        Assert.Equal(1400, outcomes.Count(o => o.Succeeded));
        Assert.Equal(throttle, State.MaxInFlight);
    }

    [Fact]
    public void Per_contact_requests_keep_input_order_and_the_bound_too()
    {
        using var c = Connect();
        var contacts = Enumerable.Range(1, 12).Select(i => State.AddContact($"m{i}@example.com").Id).ToList();
        State.LatencyMs = 50;
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/segments/1/contact/", Kind = FaultKind.Delay, DelayMs = 500, Skip = 1 });
        var items = contacts.Select(id => new WriteItem<object>(id, null, id)).Append(new WriteItem<object>(987654L, null, 987654)).ToList();
        var outcomes = c.Memberships.Change(MauticResources.Segments, 1, true, items, throttle: 4).ToList();
        Assert.Equal(items.Select(i => i.Input), outcomes.Select(o => o.Input));
        Assert.Equal(987654L, Assert.Single(outcomes, o => !o.Succeeded).Input);
        Assert.Equal(4, State.MaxInFlight);
    }

    [Fact]
    public void Cancelling_ends_the_wait_and_aborts_every_batch_in_flight()
    {
        using var c = Connect();
        // Every batch request after the first (which goes alone) stalls for a minute at the fake.
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Delay, DelayMs = 60000, Count = 100, Skip = 1 });
        using var cancel = new CancellationTokenSource();
        var writer = new BulkWriter<object>(items => c.Contacts.Create(items, cancel.Token), throttle: 3, ct: cancel.Token);
        var feeding = Task.Run(() => Write(writer, Rows(2000)));
        var until = DateTime.UtcNow.AddSeconds(20);
        while (State.InFlight < 3 && DateTime.UtcNow < until) Thread.Sleep(20);
        Assert.Equal(3, State.InFlight);
        Assert.False(feeding.IsCompleted, "the fourth batch waits for a free slot");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => feeding.GetAwaiter().GetResult());
        var returned = clock.Elapsed;
        while (State.InFlight > 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(10);
        var aborted = clock.Elapsed;
        Assert.True(returned < TimeSpan.FromSeconds(1), $"the writer gave up waiting {returned.TotalMilliseconds:0} ms after Ctrl+C");
        Assert.True(aborted < TimeSpan.FromSeconds(1), $"the requests in flight were aborted {aborted.TotalMilliseconds:0} ms after Ctrl+C");
        Assert.Equal(4, State.RequestsTo("/api/contacts/batch/new").Count);
    }

    [Fact]
    public void A_throttle_outside_1_to_16_is_refused_naming_it()
    {
        var e = Assert.Throws<MauticApiException>(() => new BulkWriter<int>(_ => Array.Empty<BatchOutcome<int>>(), throttle: 0));
        Assert.Contains("0", e.Message);
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        Assert.Throws<MauticApiException>(() => new InOrder<int>(17));
    }
}
