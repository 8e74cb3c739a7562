using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ChatPS.Emulator;

/// <summary>
/// The signals that stop the command-line emulator the way servers stop: SIGINT (Ctrl+C in a terminal,
/// <c>kill -INT</c> from a script) and SIGTERM (<c>kill</c>, service managers, CI clean-up).
/// </summary>
/// <remarks>
/// A completion source rather than a <see cref="System.Threading.CancellationTokenSource"/>: a second signal arriving
/// while the server shuts down finds nothing disposed.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    private const int SIGINT = 2;
    private static readonly IntPtr SIG_DFL = IntPtr.Zero;

    private readonly TaskCompletionSource<PosixSignal> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    private StopSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Completes with the first stop signal received.</summary>
    public Task<PosixSignal> Received => _received.Task;

    /// <summary>
    /// Whether SIGINT is left to the terminal's foreground program. Set for an emulator that a shell session owns
    /// (<c>--exit-with-stdin</c>): Ctrl+C at that shell's prompt reaches every process on the terminal, and it is
    /// meant for the prompt, not for the server the session still uses.
    /// </summary>
    public bool IgnoreInterrupt { get; set; }

    /// <summary>
    /// Starts listening. Call it first thing, before anything writes to the console: .NET sets up its signal
    /// handling once, on first use, and leaves a signal it finds ignored then ignored for good.
    /// </summary>
    public static StopSignals Listen()
    {
        // A non-interactive shell (a script, CI) starts background jobs with SIGINT ignored, and .NET honours an ignored
        // SIGINT by never installing its handler, so `kill -INT` would do nothing. This process is a server that asks
        // for SIGINT, so it takes the default back before .NET looks.
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                signal(SIGINT, SIG_DFL);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // A libc this cannot reach: SIGINT stays as inherited; Ctrl+C in a terminal and SIGTERM still work.
            }
        }
        return new StopSignals();
    }

    /// <summary>Stops listening; later signals take their default action.</summary>
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (context.Signal == PosixSignal.SIGINT && IgnoreInterrupt) return;
        _received.TrySetResult(context.Signal);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr signal(int signum, IntPtr handler);
}
