using ChatPS.Emulator.Infrastructure;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Reliability;

/// <summary>
/// Cancellation, timed by signals rather than the clock: each call is cancelled once the emulator has received it
/// (or the limiter has said it is waiting), and must end long before the stall or the wait would have.
/// </summary>
public class CancellationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public CancellationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task Cancelling_a_stalled_read_ends_it_and_the_connection_stays_usable()
    {
        using var kook = _emulator.Kook();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Stall, Seconds = TestTimes.StallSeconds });
        using var cts = new CancellationTokenSource();
        var call = kook.Users.GetCurrentAsync(cts.Token);
        await _emulator.ReceivedAsync("user/me");

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestTimes.HangBound));

        Assert.Equal("364862", (await kook.Users.GetCurrentAsync()).Id);
    }

    [Fact]
    public async Task Cancelling_a_stalled_write_is_not_retried()
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v1/users/@me/reports", Kind = FaultKind.Stall, Seconds = TestTimes.StallSeconds });
        using var cts = new CancellationTokenSource();
        var call = tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "1", Reason = TomonReportReason.Other }, cancellationToken: cts.Token);
        await _emulator.ReceivedAsync("reports");

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestTimes.HangBound));
        Assert.Single(_emulator.Host.Requests.Matching("reports"));
        Assert.NotEmpty(await tomon.Guilds.ListAsync());
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_rate_limit_returns_at_once()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = EmulatorFixture.FastOptions();
        options.Log = entry => { if (entry.Note?.Contains("for rate limit of bucket") == true) waiting.TrySetResult(); };
        // The budget admits the announced wait, so the call waits (rather than giving up) and only the cancellation ends it.
        options.RetryBudget = TimeSpan.FromHours(2);
        using var kook = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.RateLimited, Seconds = 3600 });
        using var cts = new CancellationTokenSource();
        var call = kook.Users.GetOnlineStatusAsync(cts.Token);
        await waiting.Task.WaitAsync(TestTimes.HangBound);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TestTimes.HangBound));
        Assert.Single(_emulator.Host.Requests.Matching("get-online-status"));
    }
}
