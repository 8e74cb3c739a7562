using ChatPS.Emulator;
using ChatPS.Http;
using ChatPS.Kook;

namespace ChatPS.Tests.Infrastructure;

/// <summary>One emulator per test class, on a free loopback port, over real HTTP.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string KookToken = "kook-emulator-token";

    public EmulatorHost Host { get; private set; } = null!;

    protected virtual EmulatorOptions CreateOptions() => new() { Port = 0, SyntheticUsers = 1000 };

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(CreateOptions());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A KOOK client for the emulator; the log lines it writes go to <paramref name="log"/>.</summary>
    public KookClient Kook(ConnectionOptions? options = null, string token = KookToken, KookTokenType type = KookTokenType.Bot, Uri? baseUri = null) =>
        new(ApiToken.FromPlainText(token), type, baseUri ?? Host.KookBaseUri, options ?? FastOptions());

    /// <summary>Retries with short back-off, so fault tests do not wait seconds.</summary>
    public static ConnectionOptions FastOptions(List<HttpLogEntry>? log = null) => new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
        Log = log is null ? null : entry => { lock (log) log.Add(entry); },
    };
}
