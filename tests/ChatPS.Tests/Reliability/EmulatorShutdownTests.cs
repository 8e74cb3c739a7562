using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ChatPS.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatPS.Tests.Reliability;

/// <summary>
/// The built emulator, run as users and scripts run it (<c>dotnet ChatPS.Emulator.dll --port 0</c>), stops the way
/// servers stop: SIGTERM and SIGINT end it with exit code 0 and no stack trace, even with a request stalled in flight.
/// How long it took is written to the test output; the bound asserted only tells a stop from a hang.
/// </summary>
public class EmulatorShutdownTests
{
    private const int SIGINT = 2;
    private const int SIGTERM = 15;
    // Tells a stop from a hang on the busiest machine; what it really took goes to the test output.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);
    private static readonly Regex Listening = new(@"^ChatPS emulator listening on (?<url>http://\S+/)$");
    private readonly ITestOutputHelper _output;

    public EmulatorShutdownTests(ITestOutputHelper output) => _output = output;

    [UnixTheory]
    [InlineData(SIGTERM, false)]
    [InlineData(SIGINT, false)]
    [InlineData(SIGTERM, true)]
    [InlineData(SIGINT, true)]
    public async Task A_signal_stops_it_cleanly(int signal, bool withStalledRequest)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ChatPS.Emulator.dll"), "--port", "0" })
            start.ArgumentList.Add(arg);
        if (withStalledRequest)
        {
            start.ArgumentList.Add("--fault");
            start.ArgumentList.Add($"GET:/api/v3/user/me:Stall:1:{TestTimes.StallSeconds}");
        }
        using var process = Process.Start(start)!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            // The first line names the address: with --port 0 it is the only way a script learns it.
            string? first = await process.StandardOutput.ReadLineAsync().WaitAsync(TestTimes.HangBound);
            var match = Listening.Match(first ?? string.Empty);
            Assert.True(match.Success, $"first line: '{first}'");
            var url = new Uri(match.Groups["url"].Value);

            using var http = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
            (await http.GetAsync("_emulator/stats")).EnsureSuccessStatusCode();
            Task<HttpResponseMessage>? stalled = null;
            if (withStalledRequest)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "api/v3/user/me");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", EmulatorFixture.KookToken);
                stalled = http.SendAsync(request);
                await ReceivedAsync(http, "user/me");
            }

            var stopping = Stopwatch.StartNew();
            Assert.Equal(0, kill(process.Id, signal));
            await process.WaitForExitAsync().WaitAsync(StopBound);
            stopping.Stop();
            string stdout = await process.StandardOutput.ReadToEndAsync();
            string errors = await stderr;
            _output.WriteLine($"{(signal == SIGTERM ? "SIGTERM" : "SIGINT")}{(withStalledRequest ? " with a stalled request" : string.Empty)}: exit code {process.ExitCode} after {stopping.Elapsed.TotalSeconds:0.000} s");

            Assert.Equal(0, process.ExitCode);
            Assert.Equal(string.Empty, errors.Trim());
            Assert.Contains("ChatPS emulator stopped.", stdout);
            if (stalled != null)
                // Cut by the shutdown, not answered: its stall had minutes to go.
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => stalled.WaitAsync(TestTimes.HangBound));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>Waits until the emulator's request log shows a request whose path contains <paramref name="fragment"/>.</summary>
    private static async Task ReceivedAsync(HttpClient http, string fragment)
    {
        var waited = Stopwatch.StartNew();
        while (!(await http.GetStringAsync("_emulator/requests?path=" + Uri.EscapeDataString(fragment))).Contains(fragment))
        {
            if (waited.Elapsed > TestTimes.HangBound) throw new TimeoutException($"The emulator received no request for '{fragment}'.");
            await Task.Delay(10);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
