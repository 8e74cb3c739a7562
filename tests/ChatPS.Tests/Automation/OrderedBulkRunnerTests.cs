using ChatPS.Automation;
using ChatPS.Emulator;
using ChatPS.Emulator.Kook;
using ChatPS.Http;
using ChatPS.Kook.Models;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Automation;

public class OrderedBulkRunnerTests
{
    private static async Task<List<BulkResult<TIn, TOut>>> RunAll<TIn, TOut>(OrderedBulkRunner<TIn, TOut> runner, IEnumerable<TIn> inputs)
    {
        var results = new List<BulkResult<TIn, TOut>>();
        foreach (var input in inputs) results.AddRange(await runner.AddAsync(input));
        results.AddRange(await runner.CompleteAsync());
        return results;
    }

    [Fact]
    public async Task Results_come_back_in_input_order_whatever_order_they_finish_in()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 60).Select(_ => random.Next(0, 15)).ToArray();
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) => { await Task.Delay(delays[i], ct); return i * 10; }, 8);
        var results = await RunAll(runner, Enumerable.Range(0, 60));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 10), results.Select(r => r.Value));
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public async Task No_more_than_the_throttle_limit_run_at_once()
    {
        // The items hold until the test lets them go, so the limit is reached however slowly the thread pool starts
        // them, and a fourth item started against the limit would be counted while the three hold.
        int current = 0, peak = 0;
        var threeRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) =>
        {
            int now = Interlocked.Increment(ref current);
            lock (this) peak = Math.Max(peak, now);
            if (now == 3) threeRunning.TrySetResult();
            await release.Task;
            Interlocked.Decrement(ref current);
            return i;
        }, 3);

        var feeding = Task.Run(() => RunAll(runner, Enumerable.Range(0, 40)));
        await threeRunning.Task.WaitAsync(TestTimes.HangBound);
        await Task.Delay(50);
        Assert.Equal(3, Volatile.Read(ref current));
        Assert.False(feeding.IsCompleted);

        release.SetResult();
        Assert.Equal(40, (await feeding).Count);
        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task A_slow_first_item_stops_new_starts_once_the_window_is_full()
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        int started = 0;
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) =>
        {
            Interlocked.Increment(ref started);
            if (i == 0) await gate.Task;
            return i;
        }, throttleLimit: 4, windowSize: 10);

        var feeding = Task.Run(() => RunAll(runner, Enumerable.Range(0, 100)));
        // What the runner has accepted is the window; when the items begin running depends on the thread pool.
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); runner.Pending < 10 && wait.Elapsed < TestTimes.HangBound;)
            await Task.Delay(10);
        await Task.Delay(200);
        Assert.Equal(10, runner.Pending);
        Assert.InRange(Volatile.Read(ref started), 1, 10);
        Assert.False(feeding.IsCompleted);

        gate.SetResult(true);
        var results = await feeding;
        Assert.Equal(Enumerable.Range(0, 100), results.Select(r => r.Value));
    }

    [Fact]
    public async Task Failures_keep_their_place_and_the_rest_still_come_out()
    {
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) =>
        {
            await Task.Yield();
            if (i % 3 == 0) throw new ArgumentException("bad " + i);
            return i;
        }, 4);
        var results = await RunAll(runner, Enumerable.Range(1, 9));
        Assert.Equal(Enumerable.Range(1, 9), results.Select(r => r.Input));
        Assert.Equal(new[] { 3, 6, 9 }, results.Where(r => !r.Succeeded).Select(r => r.Input));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<ArgumentException>(r.Error));
    }

    [Fact]
    public async Task An_operation_that_throws_before_returning_a_task_fails_in_its_place()
    {
        // Items start on the caller's thread; a synchronous throw must still come back as that item's result.
        using var runner = new OrderedBulkRunner<int, int>((i, ct) =>
        {
            if (i == 2) throw new ArgumentException("bad " + i);
            return Task.FromResult(i);
        }, 2);
        var results = await RunAll(runner, Enumerable.Range(1, 4));
        Assert.Equal(Enumerable.Range(1, 4), results.Select(r => r.Input));
        Assert.IsType<ArgumentException>(Assert.Single(results, r => !r.Succeeded).Error);
    }

    [Fact]
    public async Task Items_that_finish_synchronously_come_back_from_the_same_add_without_waiting()
    {
        using var runner = new OrderedBulkRunner<int, int>((i, ct) => Task.FromResult(i * 2), 1);
        var added = runner.AddAsync(21);
        Assert.True(added.IsCompleted);
        Assert.Equal(42, Assert.Single(await added).Value);
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public async Task A_finishing_item_starts_the_next_waiting_one_without_the_caller_coming_back()
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        int current = 0, peak = 0;
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) =>
        {
            int now = Interlocked.Increment(ref current);
            lock (this) peak = Math.Max(peak, now);
            if (i == 0) await gate.Task;
            if (i == 2) lastStarted.TrySetResult(true);
            await Task.Yield();
            Interlocked.Decrement(ref current);
            return i;
        }, throttleLimit: 1, windowSize: 4);

        foreach (int i in new[] { 0, 1, 2 }) Assert.True(runner.AddAsync(i).IsCompleted, "room in the window: accepted at once");
        Assert.Equal(3, runner.Pending);
        gate.SetResult(true);
        // Nothing else is asked of the runner: item 0 finishing must start 1, and 1 must start 2.
        Assert.Same(lastStarted.Task, await Task.WhenAny(lastStarted.Task, Task.Delay(TimeSpan.FromMinutes(1))));
        var results = await runner.CompleteAsync();
        Assert.Equal(new[] { 0, 1, 2 }, results.Select(r => r.Value));
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task Cancelling_cancels_what_is_in_flight()
    {
        using var cts = new CancellationTokenSource();
        using var runner = new OrderedBulkRunner<int, int>(async (i, ct) => { await Task.Delay(Timeout.Infinite, ct); return i; }, 2, cts.Token);
        await runner.AddAsync(1);
        await runner.AddAsync(2);
        cts.CancelAfter(50);
        var results = await runner.CompleteAsync();
        Assert.All(results, r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.AddAsync(3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void The_throttle_limit_is_bounded(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedBulkRunner<int, int>((i, _) => Task.FromResult(i), limit));
}

public class BulkLookupTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public BulkLookupTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
        _emulator.Host.Options.RateLimits["user/view"] = new RateLimitRule(100, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_bulk_lookup_under_the_limit_gets_no_429_keeps_order_and_reports_bad_ids_in_place()
    {
        using var kook = _emulator.Kook();
        var ids = Enumerable.Range(0, 250).Select(i => i % 50 == 7 ? "1999999" + i : (KookState.SyntheticBase + i).ToString()).ToArray();
        using var runner = new OrderedBulkRunner<string, KookUser>((id, ct) => kook.Users.GetAsync(id, null, ct), 8);

        var results = new List<BulkResult<string, KookUser>>();
        foreach (var id in ids) results.AddRange(await runner.AddAsync(id));
        results.AddRange(await runner.CompleteAsync());

        Assert.Equal(ids, results.Select(r => r.Input));
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(r.Input, r.Value.Id));
        var failed = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, r => Assert.Equal("40000", ((ChatApiException)r.Error!).ApiCode));
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
    }
}
