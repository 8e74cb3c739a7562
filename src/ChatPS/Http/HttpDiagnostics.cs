using System;
using System.Threading;

namespace ChatPS.Http
{
    /// <summary>
    /// Routes <see cref="HttpLogEntry"/> lines to whoever is listening on the current logical call.
    /// A scope follows async code, so a cmdlet invocation receives the lines of its own calls only,
    /// even when one connection is shared by several runspaces.
    /// </summary>
    public static class HttpDiagnostics
    {
        private static readonly AsyncLocal<Action<HttpLogEntry>?> Current = new AsyncLocal<Action<HttpLogEntry>?>();
        private static readonly AsyncLocal<Action<HttpLogEntry>?> LongWaits = new AsyncLocal<Action<HttpLogEntry>?>();

        /// <summary>
        /// A rate-limit wait at least this long is also sent to <see cref="ListenForLongWaits"/> listeners, whether or not
        /// anyone reads the verbose lines: a person at a prompt notices a few seconds of silence, and a scheduled task's
        /// log should say why it stalled.
        /// </summary>
        public static readonly TimeSpan LongWait = TimeSpan.FromSeconds(5);

        /// <summary>Sends the rate-limit waits of at least <see cref="LongWait"/> made inside the returned scope to <paramref name="sink"/>.</summary>
        public static IDisposable ListenForLongWaits(Action<HttpLogEntry> sink) => Listen(LongWaits, sink);

        internal static void WriteLongWait(HttpLogEntry entry) => LongWaits.Value?.Invoke(entry);

        /// <summary>Sends the HTTP log lines of calls made inside the returned scope to <paramref name="sink"/>.</summary>
        public static IDisposable Listen(Action<HttpLogEntry> sink) => Listen(Current, sink);

        // Adds the sink for the calling flow; disposing the scope restores what was there before.
        private static IDisposable Listen(AsyncLocal<Action<HttpLogEntry>?> slot, Action<HttpLogEntry> sink)
        {
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            var previous = slot.Value;
            slot.Value = previous is null ? sink : previous + sink;
            return new Scope(slot, previous);
        }

        /// <summary>True when a line written now would reach someone (so building it is worth the work).</summary>
        internal static bool IsListening(Action<HttpLogEntry>? connectionSink) => connectionSink != null || Current.Value != null;

        internal static void Write(HttpLogEntry entry, Action<HttpLogEntry>? connectionSink)
        {
            connectionSink?.Invoke(entry);
            Current.Value?.Invoke(entry);
        }

        private sealed class Scope : IDisposable
        {
            private readonly AsyncLocal<Action<HttpLogEntry>?> _slot;
            private readonly Action<HttpLogEntry>? _previous;
            private bool _disposed;

            public Scope(AsyncLocal<Action<HttpLogEntry>?> slot, Action<HttpLogEntry>? previous)
            {
                _slot = slot;
                _previous = previous;
            }

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                _slot.Value = _previous;
            }
        }
    }
}
