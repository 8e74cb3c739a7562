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

        /// <summary>Sends the HTTP log lines of calls made inside the returned scope to <paramref name="sink"/>.</summary>
        public static IDisposable Listen(Action<HttpLogEntry> sink)
        {
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            var previous = Current.Value;
            Current.Value = previous is null ? sink : previous + sink;
            return new Scope(previous);
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
            private readonly Action<HttpLogEntry>? _previous;
            private bool _disposed;

            public Scope(Action<HttpLogEntry>? previous) => _previous = previous;

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                Current.Value = _previous;
            }
        }
    }
}
