using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tomon;

namespace ChatPS.Tests.Infrastructure;

/// <summary>One emulator per test class, on a free loopback port, over real HTTP.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string KookToken = "kook-emulator-token";
    public const string TomonBotToken = "tomon-emulator-token";
    public const string TomonSessionToken = "tomon-emulator-session";

    public EmulatorHost Host { get; private set; } = null!;

    protected virtual EmulatorOptions CreateOptions() => new() { Port = 0, SyntheticUsers = 1000 };

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(CreateOptions());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Waits until the emulator has received a request whose path contains <paramref name="pathFragment"/>: the signal
    /// to cancel a stalled call at, rather than a guess at how long sending it takes.
    /// </summary>
    public async Task<RequestRecord> ReceivedAsync(string pathFragment)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var seen = Host.Requests.Matching(pathFragment);
            if (seen.Count > 0) return seen[^1];
            if (waited.Elapsed > TestTimes.HangBound) throw new TimeoutException($"The emulator received no request for '{pathFragment}' within {TestTimes.HangBound.TotalSeconds} s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Makes the emulator answer the next <paramref name="method"/> request to <paramref name="path"/> with <paramref name="body"/>, sent as it is.</summary>
    public void Reply(string method, string path, string body, int status = 200) =>
        Host.Faults.Add(new FaultRule { Method = method, Path = path, Kind = FaultKind.Reply, Status = status, Body = body });

    /// <summary>A KOOK client for the emulator; the log lines it writes go to <paramref name="log"/>.</summary>
    public KookClient Kook(ConnectionOptions? options = null, string token = KookToken, KookTokenType type = KookTokenType.Bot, Uri? baseUri = null) =>
        new(ApiToken.FromPlainText(token), type, baseUri ?? Host.KookBaseUri, options ?? FastOptions());

    /// <summary>A Tomon client signed in with the emulator's fixed session token.</summary>
    public Task<TomonClient> Tomon(ConnectionOptions? options = null, TomonSignIn? signIn = null) =>
        TomonClient.ConnectAsync(signIn ?? TomonSignIn.WithSessionToken(ApiToken.FromPlainText(TomonSessionToken)), Host.TomonBaseUri, options ?? FastOptions());

    /// <summary>
    /// Retries with short back-off, so fault tests do not wait seconds; the per-attempt timeout is
    /// <see cref="TestTimes.AttemptTimeout"/>, so a slow machine never turns an answer into a retry.
    /// </summary>
    public static ConnectionOptions FastOptions(List<HttpLogEntry>? log = null) => new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TestTimes.AttemptTimeout,
        Log = log is null ? null : entry => { lock (log) log.Add(entry); },
    };
}
