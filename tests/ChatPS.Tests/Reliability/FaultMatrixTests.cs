using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;
using Xunit.Abstractions;

namespace ChatPS.Tests.Reliability;

/// <summary>
/// Every injectable fault against a read and a write on each platform: reads recover by retrying,
/// writes (POST) are never sent twice unless the service refused them outright (429).
/// </summary>
public class FaultMatrixTests : IAsyncLifetime
{
    public static readonly FaultKind[] Faults =
    {
        FaultKind.ServerError, FaultKind.BadGatewayHtml, FaultKind.Unavailable, FaultKind.RateLimited,
        FaultKind.ConnectionReset, FaultKind.TruncatedJson, FaultKind.Stall,
    };

    // A fresh emulator per case: the counts below are exact, and a stalled request of another case must not land in them.
    private readonly EmulatorFixture _emulator = new();
    private readonly ITestOutputHelper _output;

    public FaultMatrixTests(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync() => _emulator.InitializeAsync();

    public Task DisposeAsync() => _emulator.DisposeAsync();

    public static IEnumerable<object[]> FaultCases => Faults.Select(f => new object[] { f });

    // The counts below are exact, so no clock may decide them: a response is waited for far longer than any answer
    // takes on a loaded machine. Only a stall meets a timeout, and that timeout is the behaviour under test: far
    // longer than a request takes to arrive, far shorter than the stall.
    private static ConnectionOptions Options(List<HttpLogEntry> log, FaultKind? fault = null) => new()
    {
        Timeout = fault == FaultKind.Stall ? TestTimes.ShortAttemptTimeout : TestTimes.AttemptTimeout,
        RetryInterval = TimeSpan.FromMilliseconds(10),
        MaximumRetryCount = 2,
        Log = e => { lock (log) log.Add(e); },
    };

    private void Inject(string method, string path, FaultKind kind) =>
        _emulator.Host.Faults.Add(new FaultRule { Method = method, Path = path, Kind = kind, Seconds = kind == FaultKind.Stall ? TestTimes.StallSeconds : 1 });

    // The call under test is not the connection's first (nor, in a case run alone, the process's): the short
    // timeout of the stall cases then has only the request itself to cover. Other routes, so the counts stay exact.
    private static Task WarmUpAsync(ChatPS.Kook.KookClient kook) => kook.Users.GetCurrentAsync();

    private static Task WarmUpAsync(TomonClient tomon) => tomon.Profile.GetAsync();

    [Theory]
    [MemberData(nameof(FaultCases))]
    public async Task A_KOOK_read_recovers_from(FaultKind fault)
    {
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(Options(log, fault));
        await WarmUpAsync(kook);
        Inject("GET", "/api/v3/user/get-online-status", fault);

        if (fault == FaultKind.TruncatedJson)
        {
            // A complete 200 whose body is broken is an answer, not a transport failure: it is reported, not retried.
            await Assert.ThrowsAsync<ChatResponseFormatException>(() => kook.Users.GetOnlineStatusAsync());
            Assert.Single(_emulator.Host.Requests.Matching("get-online-status"));
            return;
        }
        await kook.Users.GetOnlineStatusAsync();
        var attempts = _emulator.Host.Requests.Matching("get-online-status");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(fault.ToString(), attempts[0].Fault);
        Assert.Null(attempts[1].Fault);
        Assert.Contains(log, e => e.Note != null && e.Note.Contains("retrying"));
        _output.WriteLine($"KOOK GET get-online-status under {fault}: {attempts.Count} attempts, recovered");
    }

    [Theory]
    [MemberData(nameof(FaultCases))]
    public async Task A_Tomon_read_recovers_from(FaultKind fault)
    {
        var log = new List<HttpLogEntry>();
        using var tomon = await _emulator.Tomon(Options(log, fault));
        await WarmUpAsync(tomon);
        Inject("GET", "/api/v1/users/@me/stamppacks", fault);

        if (fault == FaultKind.TruncatedJson)
        {
            await Assert.ThrowsAsync<ChatResponseFormatException>(() => tomon.StampPacks.ListAsync());
            return;
        }
        Assert.NotEmpty(await tomon.StampPacks.ListAsync());
        Assert.Equal(2, _emulator.Host.Requests.Matching("stamppacks").Count);
    }

    [Theory]
    [MemberData(nameof(FaultCases))]
    public async Task Set_bot_online_is_delivered_at_most_once_under(FaultKind fault)
    {
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(Options(log, fault));
        await WarmUpAsync(kook);
        Inject("POST", "/api/v3/user/online", fault);

        Exception? failure = await Record.ExceptionAsync(() => kook.Users.GoOnlineAsync());

        var attempts = _emulator.Host.Requests.Matching("user/online");
        int processed = attempts.Count(a => a.Fault is null);
        _output.WriteLine($"KOOK POST user/online under {fault}: {attempts.Count} sent, {processed} processed, {(failure is null ? "succeeded" : failure.GetType().Name)}");
        if (fault == FaultKind.RateLimited)
        {
            // Refused before processing, so the retry is the first delivery.
            Assert.Null(failure);
            Assert.Equal(2, attempts.Count);
            Assert.Equal(1, processed);
        }
        else
        {
            Assert.NotNull(failure);
            Assert.Single(attempts);
            Assert.Equal(0, processed);
            if (failure is ChatApiException api) Assert.Equal(1, api.Attempts);
        }
    }

    [Theory]
    [MemberData(nameof(FaultCases))]
    public async Task A_report_is_delivered_at_most_once_under(FaultKind fault)
    {
        var log = new List<HttpLogEntry>();
        using var tomon = await _emulator.Tomon(Options(log, fault));
        await WarmUpAsync(tomon);
        using var files = new TestFiles();
        int before = _emulator.Host.Tomon.ReportsSnapshot().Count;
        Inject("POST", "/api/v1/users/@me/reports", fault);

        var report = new TomonReportRequest { TargetId = "77334868412862464", Reason = TomonReportReason.Spam, Comment = fault.ToString() };
        Exception? failure = await Record.ExceptionAsync(() => tomon.Reports.CreateAsync(report, new[] { files.Png("e.png", 4096) }));

        var attempts = _emulator.Host.Requests.Matching("users/@me/reports");
        int stored = _emulator.Host.Tomon.ReportsSnapshot().Count - before;
        _output.WriteLine($"Tomon POST reports under {fault}: {attempts.Count} sent, {stored} stored");
        if (fault == FaultKind.RateLimited)
        {
            Assert.Null(failure);
            Assert.Equal(2, attempts.Count);
            Assert.Equal(1, stored);
        }
        else
        {
            Assert.NotNull(failure);
            Assert.Single(attempts);
            Assert.Equal(0, stored);
        }
    }

    [Fact]
    public async Task The_final_error_counts_the_attempts_and_each_retry_is_logged()
    {
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(Options(log));
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.ServerError, Count = 5 });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(3, ex.Attempts);
        Assert.Contains("after 3 attempts", ex.Message);
        Assert.Equal(2, log.Count(e => e.Note != null && e.Note.Contains("retrying")));
        Assert.Equal(3, _emulator.Host.Requests.Matching("user/me").Count);
    }

    [Fact]
    public async Task The_retry_budget_bounds_the_total_time()
    {
        var options = Options(new List<HttpLogEntry>());
        options.MaximumRetryCount = 10;
        options.RetryBudget = TimeSpan.FromMilliseconds(1500);
        using var kook = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Unavailable, Count = 10, Seconds = 1 });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());
        Assert.Equal(503, ex.StatusCode);
        Assert.InRange(ex.Attempts, 1, 2);
    }
}
