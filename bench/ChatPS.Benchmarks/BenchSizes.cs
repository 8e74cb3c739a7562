namespace ChatPS.Benchmarks;

/// <summary>How much work each measurement does; --quick shrinks everything so a run takes under a minute.</summary>
public sealed record BenchSizes(int OverheadCalls, int OverheadWarmup, int BulkLookups, int BulkLimitPerSecond, int LatencyCalls, int LatencyMs, int StreamResults, int SequentialCalls, TimeSpan WarmupCap)
{
    public static BenchSizes Full { get; } = new(5000, 500, 10_000, 100, 400, 20, 100_000, 1000, TimeSpan.FromSeconds(120));

    public static BenchSizes Quick { get; } = new(1000, 200, 600, 100, 160, 20, 20_000, 1000, TimeSpan.FromSeconds(25));
}
