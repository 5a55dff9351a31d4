using System.Threading.Tasks;

namespace Mautic.Client
{
    public enum MauticLogLevel { Verbose, Debug, Warning }

    /// <summary>One log line of the client. Text is already redacted when it is created.</summary>
    public sealed class MauticLogEvent
    {
        public MauticLogEvent(MauticLogLevel level, string message)
        {
            Level = level;
            Message = message;
        }

        public MauticLogLevel Level { get; }
        public string Message { get; }
        public override string ToString() => Level + ": " + Message;
    }

    /// <summary>
    /// Where the client's log lines go. A caller (a cmdlet, a test) opens a scope; every call made inside it,
    /// including continuations on other threads, reports there. The client-wide sink of
    /// <see cref="MauticClientOptions.Log"/> also receives every line.
    /// </summary>
    public static class MauticLog
    {
        static readonly AsyncLocal<Scope> Current = new AsyncLocal<Scope>();
        static readonly AsyncLocal<string> Label = new AsyncLocal<string>();

        /// <summary>Sends the lines written inside the scope (on any thread) to <paramref name="sink"/>.</summary>
        /// <param name="relay">
        /// Writes the lines the sink has collected; called on the thread that opens the scope (a cmdlet's pipeline thread,
        /// the only one PowerShell lets write) while that thread waits for requests running on other threads
        /// (<see cref="WaitAny"/>), as each line arrives: a batch's request line is written when it is sent, not when
        /// the batch is answered.
        /// </param>
        public static IDisposable BeginScope(Action<MauticLogEvent> sink, Action relay = null)
        {
            var previous = Current.Value;
            Current.Value = new Scope(sink, relay);
            return new Restore(() => Current.Value = previous);
        }

        /// <summary>
        /// Ends every line written inside (on this flow and the calls it makes) with " [<paramref name="label"/>]", e.g.
        /// "batch 3: items 401-600", so the lines of requests running side by side can be told apart.
        /// </summary>
        internal static IDisposable BeginLabel(string label)
        {
            var previous = Label.Value;
            Label.Value = label;
            return new Restore(() => Label.Value = previous);
        }

        internal static void Write(Action<MauticLogEvent> clientSink, MauticLogLevel level, string message)
        {
            var label = Label.Value;
            var e = new MauticLogEvent(level, label == null ? message : message + " [" + label + "]");
            clientSink?.Invoke(e);
            var scope = Current.Value;
            if (scope == null) return;
            scope.Sink?.Invoke(e);
            scope.Arrived();
        }

        /// <summary>
        /// <see cref="Task.WaitAny(Task[], CancellationToken)"/>; on the thread that opened a scope with a relay, the
        /// lines that arrive meanwhile are relayed as they come.
        /// </summary>
        internal static int WaitAny(Task[] tasks, CancellationToken ct)
        {
            var scope = Current.Value;
            if (scope?.Relay == null || scope.Thread != Environment.CurrentManagedThreadId) return Task.WaitAny(tasks, ct);
            var all = new Task[tasks.Length + 1];
            Array.Copy(tasks, all, tasks.Length);
            while (true)
            {
                // Re-armed before relaying: a line that arrives while (or after) the relay writes wakes the next wait.
                all[tasks.Length] = scope.Rearm();
                scope.Relay();
                var i = Task.WaitAny(all, ct);
                if (i < tasks.Length) return i;
            }
        }

        sealed class Scope
        {
            TaskCompletionSource<bool> _arrived = Signal();

            public Scope(Action<MauticLogEvent> sink, Action relay)
            {
                Sink = sink;
                Relay = relay;
                Thread = Environment.CurrentManagedThreadId;
            }

            public Action<MauticLogEvent> Sink { get; }
            public Action Relay { get; }
            public int Thread { get; }

            public void Arrived() => Volatile.Read(ref _arrived).TrySetResult(true);

            public Task Rearm()
            {
                var fresh = Signal();
                Volatile.Write(ref _arrived, fresh);
                return fresh.Task;
            }

            static TaskCompletionSource<bool> Signal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        sealed class Restore : IDisposable
        {
            readonly Action _undo;
            public Restore(Action undo) { _undo = undo; }
            public void Dispose() => _undo();
        }
    }
}
