namespace Mautic.Client.Batching
{
    /// <summary>What happened to one input item of a bulk operation: a record, or an error that carries the input.</summary>
    public sealed class BatchOutcome<T>
    {
        BatchOutcome(T input, MauticRecord record, int status, MauticApiException error)
        {
            Input = input;
            Record = record;
            Status = status;
            Error = error;
        }

        public T Input { get; }
        public MauticRecord Record { get; }
        /// <summary>Per-item status: 201 created, 200 matched/updated; the error's status on failure.</summary>
        public int Status { get; }
        public MauticApiException Error { get; }
        public bool Succeeded => Error == null;

        public static BatchOutcome<T> Success(T input, MauticRecord record, int status) => new BatchOutcome<T>(input, record, status, null);
        public static BatchOutcome<T> Failure(T input, MauticApiException error) => new BatchOutcome<T>(input, null, error.StatusCode, error);
    }

    public static class Chunk
    {
        /// <summary>Mautic's api_batch_max_limit: a batch request of more answers HTTP 500.</summary>
        public const int MaxBatchSize = 200;

        public static IEnumerable<List<T>> Of<T>(IEnumerable<T> items, int size = MaxBatchSize)
        {
            if (size < 1 || size > MaxBatchSize) throw new ArgumentOutOfRangeException(nameof(size), size, $"A batch holds 1 to {MaxBatchSize} items.");
            var current = new List<T>(size);
            foreach (var item in items)
            {
                current.Add(item);
                if (current.Count == size)
                {
                    yield return current;
                    current = new List<T>(size);
                }
            }
            if (current.Count > 0) yield return current;
        }

        /// <summary>
        /// Strings in groups of at most <paramref name="size"/> whose URL-escaped lengths (plus a separator each) stay
        /// within <paramref name="maxChars"/>, so a where-in list fits in a URL a web server takes (a single longer
        /// value is a group of its own).
        /// </summary>
        public static IEnumerable<List<string>> OfLength(IEnumerable<string> items, int size, int maxChars)
        {
            var current = new List<string>(size);
            var length = 0;
            foreach (var item in items)
            {
                var cost = Uri.EscapeDataString(item ?? "").Length + 3;
                if (current.Count > 0 && (current.Count == size || length + cost > maxChars))
                {
                    yield return current;
                    current = new List<string>(size);
                    length = 0;
                }
                current.Add(item);
                length += cost;
            }
            if (current.Count > 0) yield return current;
        }
    }

    /// <summary>One item to write: the caller's input (kept for error records) and the JSON payload.</summary>
    public sealed class WriteItem<T>
    {
        public WriteItem(T input, Newtonsoft.Json.Linq.JObject payload, long? id = null)
        {
            Input = input;
            Payload = payload;
            Id = id;
        }

        /// <summary>An item that is only a record's id (a membership change): no payload.</summary>
        public static WriteItem<T> ForId(T input, long id) => new WriteItem<T>(input, null, id);
        /// <summary>An item whose payload the cmdlets built (they never hold Newtonsoft types: see <see cref="MauticPayload"/>).</summary>
        public static WriteItem<T> Of(T input, MauticPayload payload, long? id = null) => new WriteItem<T>(input, payload?.Json, id);

        public T Input { get; }
        public Newtonsoft.Json.Linq.JObject Payload { get; }
        public long? Id { get; }
    }
}
