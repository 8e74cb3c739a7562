using System.Diagnostics;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Reliability;

public class CancellationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public CancellationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task Cancelling_a_stalled_read_ends_it_within_a_second_and_the_connection_stays_usable()
    {
        using var kook = _emulator.Kook();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Stall, Seconds = 60 });
        using var cts = new CancellationTokenSource();
        var call = kook.Users.GetCurrentAsync(cts.Token);
        await Task.Delay(300);
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.ElapsedMilliseconds} ms after cancel");

        Assert.Equal("364862", (await kook.Users.GetCurrentAsync()).Id);
    }

    [Fact]
    public async Task Cancelling_a_stalled_write_is_not_retried()
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v1/users/@me/reports", Kind = FaultKind.Stall, Seconds = 60 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "1", Reason = TomonReportReason.Other }, cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.3), $"took {watch.ElapsedMilliseconds} ms");
        Assert.Single(_emulator.Host.Requests.Matching("reports"));
        Assert.NotEmpty(await tomon.Guilds.ListAsync());
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_rate_limit_returns_at_once()
    {
        using var kook = _emulator.Kook();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.RateLimited, Seconds = 30 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kook.Users.GetOnlineStatusAsync(cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_stalled_call_honours_the_connection_timeout()
    {
        var options = EmulatorFixture.FastOptions();
        options.Timeout = TimeSpan.FromMilliseconds(400);
        options.MaximumRetryCount = 0;
        using var kook = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Stall, Seconds = 60 });
        var ex = await Assert.ThrowsAsync<ChatTransportException>(() => kook.Users.GetCurrentAsync());
        Assert.Equal(ChatErrorKind.Timeout, ex.Kind);
        Assert.Contains("0.4s", ex.Message);
    }
}
