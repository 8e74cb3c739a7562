using System.IO;
using System.Threading.Tasks;

namespace ChatPS.Emulator;

/// <summary>
/// The end of the emulator's standard input, for <c>--exit-with-stdin</c>: a parent that starts the emulator with a
/// pipe on its standard input holds the pipe's other end, and the operating system closes it when the parent ends,
/// whether it exits, is stopped with Ctrl+C or is killed. No parent process id is polled and nothing is left running.
/// </summary>
internal static class StandardInput
{
    /// <summary>Completes when standard input reaches its end; whatever arrives before that is ignored.</summary>
    public static Task ClosedAsync() => Task.Run(async () =>
    {
        using var input = System.Console.OpenStandardInput();
        var buffer = new byte[256];
        try
        {
            while (await input.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A broken pipe is the parent gone too.
        }
    });
}
