using System.Threading.Tasks;

namespace Mautic.Client.Batching
{
    /// <summary>
    /// The one way the module runs requests side by side (batch requests of a bulk write, one request per contact where
    /// Mautic has no batch route): units of work run at most <see cref="Limit"/> at a time, and their results come back
    /// in the order the units were started, whatever order they finish in. One thread (a cmdlet's pipeline thread, which
    /// alone may write to the pipeline) starts the units and takes the results; when the limit is reached, starting one
    /// more waits until a running unit has finished. A finished result waits for the units started before it, but never
    /// more than <see cref="Limit"/> finished results are held behind a slow one. Cancelling the token ends every wait at
    /// once (OperationCanceledException); the units get the same token, so their requests are aborted too. While the
    /// starting thread waits, the log lines of the running units are relayed on it as they come (<see cref="MauticLog.WaitAny"/>).
    /// </summary>
    public sealed class InOrder<TResult>
    {
        readonly Queue<Task<TResult>> _window = new Queue<Task<TResult>>();
        readonly CancellationToken _ct;

        public InOrder(int limit, CancellationToken ct = default)
        {
            Throttle.Check(limit);
            Limit = limit;
            _ct = ct;
        }

        /// <summary>How many units run at once at most.</summary>
        public int Limit { get; }

        /// <summary>Units started whose results have not been handed back yet.</summary>
        public int Pending => _window.Count;

        /// <summary>Units started that have not finished.</summary>
        public int Running => _window.Count(t => !t.IsCompleted);

        /// <summary>
        /// Starts <paramref name="unit"/> as soon as fewer than <see cref="Limit"/> units run; returns the results that
        /// are then ready in order. With all slots taken afterwards it waits for one to free, so a limit of 1 runs the
        /// units one after the other, each result handed back before the caller goes on.
        /// </summary>
        public IReadOnlyList<TResult> Start(Func<CancellationToken, Task<TResult>> unit)
        {
            WaitForSlot();
            // Bound what waits behind a slow unit: with 2 x Limit not handed back, take the oldest (waiting for it) first.
            var ready = _window.Count >= 2 * Limit ? Ready(1) : new List<TResult>();
            _ct.ThrowIfCancellationRequested();
            _window.Enqueue(unit(_ct));
            WaitForSlot();
            ready.AddRange(Ready(0));
            return ready;
        }

        /// <summary>Waits for the next unit in order (if any is pending); returns its result and any ready after it.</summary>
        public IReadOnlyList<TResult> Next() => Ready(1);

        /// <summary>Waits for every unit started; returns the results not yet handed back, in order.</summary>
        public IReadOnlyList<TResult> Finish() => Ready(int.MaxValue);

        void WaitForSlot()
        {
            while (true)
            {
                var running = _window.Where(t => !t.IsCompleted).ToArray();
                if (running.Length < Limit) return;
                MauticLog.WaitAny(running, _ct);
            }
        }

        void Wait(Task task)
        {
            if (!task.IsCompleted) MauticLog.WaitAny(new[] { task }, _ct);
        }

        /// <summary>The finished results at the head of the window, waiting until at least <paramref name="atLeast"/> are taken (or none is left).</summary>
        List<TResult> Ready(int atLeast)
        {
            var ready = new List<TResult>();
            while (_window.Count > 0)
            {
                var head = _window.Peek();
                if (!head.IsCompleted && ready.Count >= atLeast) break;
                Wait(head);
                _window.Dequeue();
                // A unit maps Mautic's errors to results itself; what escapes it (its cancellation, a bug) goes on here.
                ready.Add(head.GetAwaiter().GetResult());
            }
            return ready;
        }
    }

    /// <summary>How many requests run at once: the bounds of -ThrottleLimit and the default measured on a real Mautic.</summary>
    public static class Throttle
    {
        /// <summary>
        /// The most requests in flight at once; the connection's HttpClient handler allows this many connections to the
        /// server, so a limit up to it is never queued inside the handler.
        /// </summary>
        public const int Max = 16;

        /// <summary>
        /// Requests in flight when -ThrottleLimit is not given. Measured on Mautic 5.1.0 (PHP's built-in server with 4
        /// workers on 2 cores, MariaDB, loopback; 2,000 contacts, batches of 200, each limit run twice, mean seconds):
        /// <code>
        ///                     1       2       3       4
        /// create, OAuth2    26.0    14.9    13.2    14.7
        /// delete, OAuth2    10.4     5.9     5.1     5.3
        /// create, Basic     31.7    18.4    16.6    16.8
        /// delete, Basic     15.3     9.1     8.2     7.5
        /// </code>
        /// Two at once nearly halve the time; 3 is the fastest or within 10 % of it everywhere (about 2x the serial
        /// time); a fourth only queues on the server's two cores.
        /// </summary>
        public const int Default = 3;

        public static void Check(int limit)
        {
            if (limit < 1 || limit > Max)
                throw new MauticApiException($"The throttle limit must be 1 to {Max}, not {limit}.", MauticErrorKind.InvalidArgument);
        }
    }
}
