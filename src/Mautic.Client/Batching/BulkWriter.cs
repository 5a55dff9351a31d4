using System.Threading.Tasks;

namespace Mautic.Client.Batching
{
    /// <summary>
    /// Collects items as they arrive (one pipeline record at a time) and sends them in batches of at most 200 as soon
    /// as a batch is full, the rest on <see cref="Complete"/>. Up to <c>throttle</c> batches are in flight at once
    /// (<see cref="InOrder{TResult}"/>); outcomes come back in input order as the batches are answered, so a long
    /// import writes results while it runs and holds at most twice the throttle in batches. The first batch is sent
    /// alone. A throttle of 1 sends one batch at a time and hands back its outcomes before the next item is taken.
    /// Every log line a batch's requests write ends with " [batch N: items F-L]", the items numbered in the order
    /// <see cref="Add"/> took them, from 1.
    /// </summary>
    public sealed class BulkWriter<T>
    {
        readonly Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> _send;
        readonly int _size;
        readonly List<WriteItem<T>> _buffer;
        readonly InOrder<List<BatchOutcome<T>>> _batches;
        readonly List<KeyValuePair<int, string>> _started = new List<KeyValuePair<int, string>>();

        /// <param name="send">Sends one batch and returns its outcomes; it runs on a thread of its own (it may block), with the writer's token.</param>
        public BulkWriter(Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> send, int batchSize = Chunk.MaxBatchSize,
            int throttle = 1, CancellationToken ct = default)
        {
            if (batchSize < 1 || batchSize > Chunk.MaxBatchSize)
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"A batch holds 1 to {Chunk.MaxBatchSize} items.");
            _send = send ?? throw new ArgumentNullException(nameof(send));
            _size = batchSize;
            _buffer = new List<WriteItem<T>>(batchSize);
            _batches = new InOrder<List<BatchOutcome<T>>>(throttle, ct);
        }

        /// <summary>Items per batch.</summary>
        public int BatchSize => _size;
        /// <summary>Batches in flight at most.</summary>
        public int Throttle => _batches.Limit;
        /// <summary>How many items are waiting for the next batch.</summary>
        public int Pending => _buffer.Count;
        /// <summary>Items handed to <see cref="Add"/> so far.</summary>
        public int Accepted { get; private set; }
        /// <summary>Batches sent so far (answered or in flight).</summary>
        public int BatchesSent { get; private set; }
        /// <summary>Batches whose outcomes have been handed back.</summary>
        public int BatchesDone { get; private set; }
        /// <summary>Outcomes handed back so far.</summary>
        public int Done { get; private set; }
        /// <summary>Whether anything was sent and not yet handed back.</summary>
        public bool InFlight => _batches.Pending > 0;
        /// <summary>The last item of the batches started so far (0 before the first).</summary>
        public int LastStarted => _started.Count == 0 ? 0 : _started[_started.Count - 1].Key;

        /// <summary>The batches started that hold items after <paramref name="item"/>, as their log lines name them ("batch 3: items 401-600").</summary>
        public IReadOnlyList<string> StartedAfter(int item) => _started.Where(b => b.Key > item).Select(b => b.Value).ToList();

        /// <summary>Adds one item; returns the outcomes that are ready (of this and earlier batches, in input order), or nothing.</summary>
        public IReadOnlyList<BatchOutcome<T>> Add(WriteItem<T> item)
        {
            _buffer.Add(item);
            Accepted++;
            return _buffer.Count >= _size ? Flush() : Array.Empty<BatchOutcome<T>>();
        }

        /// <summary>Sends what is left and waits for every batch in flight; returns the outcomes not yet handed back.</summary>
        public IReadOnlyList<BatchOutcome<T>> Complete() => Drain().SelectMany(b => b).ToList();

        /// <summary>
        /// <see cref="Complete"/> a batch at a time: sends what is left, then hands back the outcomes of each batch (and
        /// any ready after it) in input order as it is answered, so a caller can report between them.
        /// </summary>
        public IEnumerable<IReadOnlyList<BatchOutcome<T>>> Drain()
        {
            yield return Flush();
            while (_batches.Pending > 0) yield return Taken(_batches.Next());
        }

        /// <summary>Sends the buffered items as one batch (if any); returns the outcomes then ready.</summary>
        IReadOnlyList<BatchOutcome<T>> Flush()
        {
            if (_buffer.Count == 0) return Array.Empty<BatchOutcome<T>>();
            var items = _buffer.ToList();
            _buffer.Clear();
            BatchesSent++;
            // Every log line of the batch (its request sent, its answer, a retry) names it, so what was sent before a stop can be told.
            var last = Accepted;
            var label = $"batch {BatchesSent}: " + (items.Count == 1 ? $"item {last}" : $"items {last - items.Count + 1}-{last}");
            // A thread of its own: the sender waits on its requests, which must not hold up the thread pool they complete on.
            var ready = _batches.Start(ct =>
            {
                _started.Add(new KeyValuePair<int, string>(last, label));
                return Task.Factory.StartNew(() =>
                {
                    using (MauticLog.BeginLabel(label)) return Answered(items, _send(items));
                }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }).ToList();
            // The first batch goes alone: what Mautic creates on the way (a tag every row names, a company) then exists
            // before the batches side by side look for it, instead of each of them creating it.
            if (BatchesSent == 1 && _batches.Pending > 0) ready.AddRange(_batches.Next());
            return Taken(ready);
        }

        IReadOnlyList<BatchOutcome<T>> Taken(IReadOnlyList<List<BatchOutcome<T>>> ready)
        {
            BatchesDone += ready.Count;
            var outcomes = ready.SelectMany(b => b).ToList();
            Done += outcomes.Count;
            return outcomes;
        }

        /// <summary>Nothing lost: an item the sender did not answer for comes back as an error carrying it.</summary>
        static List<BatchOutcome<T>> Answered(List<WriteItem<T>> items, IEnumerable<BatchOutcome<T>> sent)
        {
            var outcomes = sent.ToList();
            var answered = new HashSet<object>(outcomes.Select(o => (object)o.Input), ReferenceEqualityComparer.Instance);
            foreach (var missing in items.Where(i => !answered.Contains(i.Input)))
                outcomes.Add(BatchOutcome<T>.Failure(missing.Input, new MauticApiException("No result came back for this item; it may not have been saved.", MauticErrorKind.Protocol)));
            return outcomes;
        }

        sealed class ReferenceEqualityComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();
            public new bool Equals(object x, object y) => ReferenceEquals(x, y) || (x != null && x.GetType().IsValueType && x.Equals(y));
            public int GetHashCode(object obj) => obj == null ? 0 : obj.GetType().IsValueType ? obj.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
