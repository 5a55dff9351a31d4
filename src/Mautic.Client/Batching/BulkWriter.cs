namespace Mautic.Client.Batching
{
    /// <summary>
    /// Collects items as they arrive (one pipeline record at a time) and sends them in batches of at most 200 as soon
    /// as a batch is full, the rest on <see cref="Complete"/>. Outcomes come back as each batch is answered, so a long
    /// import writes results while it runs and never holds more than one batch.
    /// </summary>
    public sealed class BulkWriter<T>
    {
        readonly Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> _send;
        readonly int _size;
        readonly List<WriteItem<T>> _buffer;

        public BulkWriter(Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> send, int batchSize = Chunk.MaxBatchSize)
        {
            if (batchSize < 1 || batchSize > Chunk.MaxBatchSize)
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"A batch holds 1 to {Chunk.MaxBatchSize} items.");
            _send = send ?? throw new ArgumentNullException(nameof(send));
            _size = batchSize;
            _buffer = new List<WriteItem<T>>(batchSize);
        }

        /// <summary>How many items are waiting for the next batch.</summary>
        public int Pending => _buffer.Count;

        /// <summary>Adds one item; returns the outcomes of the batch it completed, or nothing.</summary>
        public IReadOnlyList<BatchOutcome<T>> Add(WriteItem<T> item)
        {
            _buffer.Add(item);
            return _buffer.Count >= _size ? Flush() : Array.Empty<BatchOutcome<T>>();
        }

        /// <summary>Sends what is left; returns its outcomes.</summary>
        public IReadOnlyList<BatchOutcome<T>> Complete() => _buffer.Count == 0 ? Array.Empty<BatchOutcome<T>>() : Flush();

        IReadOnlyList<BatchOutcome<T>> Flush()
        {
            var items = _buffer.ToList();
            _buffer.Clear();
            var outcomes = _send(items).ToList();
            // Nothing lost: an item the sender did not answer for comes back as an error carrying it.
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
