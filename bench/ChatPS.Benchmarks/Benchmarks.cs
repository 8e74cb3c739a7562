using System.Diagnostics;
using System.Runtime;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Emulator;
using ChatPS.Emulator.Kook;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Kook.Models;

namespace ChatPS.Benchmarks;

/// <summary>The five measurements, each against the same in-process emulator and the same user/view payload.</summary>
public sealed class Benchmarks(EmulatorHost emulator, BenchSizes sizes)
{
    private const string Token = "kook-emulator-token";
    private static string Id(long i) => (KookState.SyntheticBase + i).ToString();

    private KookClient NewClient() => new(ApiToken.FromPlainText(Token), KookTokenType.Bot, emulator.KookBaseUri, new ConnectionOptions());

    private void Limit(int perSecond) // 0 = no limit, no rate-limit headers
    {
        emulator.Options.RateLimits["user/view"] = new RateLimitRule(perSecond, TimeSpan.FromSeconds(1));
        emulator.KookLimiter.Clear();
    }

    /// <summary>1. Median latency of one user/view: ChatPS versus a bare HttpClient doing the same GET and JSON parse.</summary>
    public async Task<OverheadResult> OverheadAsync()
    {
        // A limit far above what one caller reaches, so the headers (and the limiter's work) are there as in production.
        Limit(1_000_000);
        emulator.Options.Latency = TimeSpan.Zero;
        using var kook = NewClient();
        using var raw = new HttpClient { BaseAddress = new Uri(emulator.KookBaseUri + "/") };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", Token);

        async Task<string?> Raw(string id)
        {
            using var response = await raw.GetAsync("user/view?user_id=" + id, HttpCompletionOption.ResponseContentRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var doc = await JsonDocument.ParseAsync(stream);
            if (doc.RootElement.GetProperty("code").GetInt32() != 0) throw new InvalidOperationException("unexpected error reply");
            return doc.RootElement.GetProperty("data").GetProperty("username").GetString();
        }
        async Task<string?> ChatPs(string id) => (await kook.Users.GetAsync(id)).Username;

        // Warm-up lasts until the JIT has finished re-compiling hot code (tiered compilation promotes methods in the
        // background for several seconds after they become hot; measuring during that window times half-optimised
        // code and inflates whichever client runs more of it). Both clients keep running, interleaved, until the
        // compiled-method count has not moved for StableFor, with the minimum and cap from the sizes.
        var warmup = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        int warmupCalls = 0;
        while (warmupCalls < sizes.OverheadWarmup || (quiet.Elapsed < StableFor && warmup.Elapsed < sizes.WarmupCap))
        {
            string id = Id(warmupCalls % 500);
            await Raw(id);
            await ChatPs(id);
            warmupCalls++;
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }
        warmup.Stop();

        var rawTimes = new List<double>(sizes.OverheadCalls);
        var chatTimes = new List<double>(sizes.OverheadCalls);
        for (int i = 0; i < sizes.OverheadCalls; i++)
        {
            // Interleaved, alternating which goes first, so drift and caching favour neither.
            string id = Id(i % 500);
            if (i % 2 == 0)
            {
                rawTimes.Add(await Time(() => Raw(id)));
                chatTimes.Add(await Time(() => ChatPs(id)));
            }
            else
            {
                chatTimes.Add(await Time(() => ChatPs(id)));
                rawTimes.Add(await Time(() => Raw(id)));
            }
        }
        long jittedDuring = JitInfo.GetCompiledMethodCount() - compiled;
        double c = Stats.Median(chatTimes), r = Stats.Median(rawTimes);
        double rawBytes = await BytesPerCallAsync(Raw), chatBytes = await BytesPerCallAsync(ChatPs);
        return new OverheadResult(c, r, c / r, Stats.Percentile(chatTimes, 0.95), Stats.Percentile(rawTimes, 0.95),
            chatBytes, rawBytes, warmupCalls, warmup.Elapsed.TotalSeconds, quiet.Elapsed >= StableFor, jittedDuring);
    }

    /// <summary>Bytes allocated per call, process-wide (so the in-process emulator's share, the same for both clients, is included).</summary>
    private async Task<double> BytesPerCallAsync(Func<string, Task<string?>> call)
    {
        const int Calls = 1000;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Calls; i++) await call(Id(i % 500));
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
    }

    /// <summary>How long the compiled-method count must stay still before the JIT counts as settled.</summary>
    public static readonly TimeSpan StableFor = TimeSpan.FromSeconds(2);

    /// <summary>2. N lookups under a limit: wall time against the floor N / limit, and the 429s it cost.</summary>
    public async Task<(double Seconds, double Floor, double Ratio, long Rejected)> BulkUnderLimitAsync()
    {
        Limit(sizes.BulkLimitPerSecond);
        emulator.Options.Latency = TimeSpan.Zero;
        using var kook = NewClient();
        long rejectedBefore = emulator.KookLimiter.Rejected;
        var watch = Stopwatch.StartNew();
        int done = await RunBulkAsync(kook, sizes.BulkLookups, throttleLimit: 4, onResult: null);
        watch.Stop();
        if (done != sizes.BulkLookups) throw new InvalidOperationException($"only {done} of {sizes.BulkLookups} lookups succeeded");
        double floor = (double)sizes.BulkLookups / sizes.BulkLimitPerSecond;
        return (watch.Elapsed.TotalSeconds, floor, watch.Elapsed.TotalSeconds / floor, emulator.KookLimiter.Rejected - rejectedBefore);
    }

    /// <summary>3. No limit, a simulated round trip per request: throughput at several throttle limits.</summary>
    public async Task<List<(int Throttle, double PerSecond, double Speedup)>> ThroughputAsync(int[] throttles)
    {
        Limit(0);
        emulator.Options.Latency = TimeSpan.FromMilliseconds(sizes.LatencyMs);
        var rows = new List<(int, double, double)>();
        double sequential = 0;
        try
        {
            foreach (int throttle in throttles)
            {
                using var kook = NewClient();
                await kook.Users.GetAsync(Id(0)); // connection and bucket state warm
                var watch = Stopwatch.StartNew();
                int done = await RunBulkAsync(kook, sizes.LatencyCalls, throttle, onResult: null);
                double perSecond = done / watch.Elapsed.TotalSeconds;
                if (throttle == 1) sequential = perSecond;
                rows.Add((throttle, perSecond, sequential > 0 ? perSecond / sequential : double.NaN));
            }
        }
        finally
        {
            emulator.Options.Latency = TimeSpan.Zero;
        }
        return rows;
    }

    /// <summary>4. Peak managed heap while streaming results through the bulk runner, at N/10 and at N: it must stay flat.</summary>
    public async Task<(double SmallPeakMiB, double PeakMiB, int Results)> StreamingMemoryAsync()
    {
        Limit(0);
        emulator.Options.Latency = TimeSpan.Zero;
        async Task<double> PeakFor(int count)
        {
            using var kook = NewClient();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long peak = GC.GetTotalMemory(false);
            int seen = 0;
            await RunBulkAsync(kook, count, throttleLimit: 8, onResult: _ =>
            {
                if (++seen % 250 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
            });
            return peak / (1024.0 * 1024.0);
        }
        double small = await PeakFor(sizes.StreamResults / 10);
        double full = await PeakFor(sizes.StreamResults);
        return (small, full, sizes.StreamResults);
    }

    /// <summary>5. TCP connections the emulator accepted for sequential calls on one connection object.</summary>
    public async Task<long> ConnectionsAsync()
    {
        Limit(1_000_000);
        using var kook = NewClient();
        long before = emulator.ConnectionsAccepted;
        for (int i = 0; i < sizes.SequentialCalls; i++) await kook.Users.GetAsync(Id(i % 500));
        return emulator.ConnectionsAccepted - before;
    }

    /// <summary>Looks up synthetic users 0..count-1 through the same runner the cmdlets use; returns how many succeeded.</summary>
    private static async Task<int> RunBulkAsync(KookClient kook, int count, int throttleLimit, Action<KookUser>? onResult)
    {
        int ok = 0;
        using var runner = new OrderedBulkRunner<string, KookUser>((id, ct) => kook.Users.GetAsync(id, null, ct), throttleLimit);
        void Take(IReadOnlyList<BulkResult<string, KookUser>> results)
        {
            foreach (var r in results)
            {
                if (!r.Succeeded) throw new InvalidOperationException($"{r.Input}: {r.Error!.Message}");
                ok++;
                onResult?.Invoke(r.Value);
            }
        }
        for (int i = 0; i < count; i++) Take(await runner.AddAsync(Id(i)));
        Take(await runner.CompleteAsync());
        return ok;
    }

    private static async Task<double> Time(Func<Task<string?>> call)
    {
        long start = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

/// <summary>Per-call latency medians and how the warm-up went.</summary>
/// <param name="ChatPsBytesPerCall">Bytes allocated per ChatPS call, process-wide (emulator included).</param>
/// <param name="RawBytesPerCall">Bytes allocated per bare call, process-wide (emulator included).</param>
/// <param name="Settled">False when the warm-up cap was hit while the JIT was still compiling.</param>
/// <param name="JittedDuringMeasurement">Methods compiled while timing; near zero means steady-state code was timed.</param>
public sealed record OverheadResult(double ChatPs, double Raw, double Ratio, double ChatPsP95, double RawP95,
    double ChatPsBytesPerCall, double RawBytesPerCall, int WarmupCalls, double WarmupSeconds, bool Settled, long JittedDuringMeasurement);
