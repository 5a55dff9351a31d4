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
        static readonly AsyncLocal<Action<MauticLogEvent>> Current = new AsyncLocal<Action<MauticLogEvent>>();

        public static IDisposable BeginScope(Action<MauticLogEvent> sink)
        {
            var previous = Current.Value;
            Current.Value = sink;
            return new Restore(previous);
        }

        internal static void Write(Action<MauticLogEvent> clientSink, MauticLogLevel level, string message)
        {
            var e = new MauticLogEvent(level, message);
            clientSink?.Invoke(e);
            Current.Value?.Invoke(e);
        }

        sealed class Restore : IDisposable
        {
            readonly Action<MauticLogEvent> _previous;
            public Restore(Action<MauticLogEvent> previous) { _previous = previous; }
            public void Dispose() => Current.Value = _previous;
        }
    }
}
