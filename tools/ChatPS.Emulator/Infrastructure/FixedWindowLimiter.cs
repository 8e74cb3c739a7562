using System;
using System.Collections.Generic;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>The outcome of counting one request against a bucket.</summary>
/// <param name="Allowed">False when the bucket is exhausted (answer 429).</param>
/// <param name="Limit">Requests per window.</param>
/// <param name="Remaining">Requests left in the window after this one.</param>
/// <param name="ResetSeconds">
/// Whole seconds to wait, as KOOK reports <c>X-Rate-Limit-Reset</c>: 0 while the window has room left, else the time
/// until the window ends, rounded up.
/// </param>
public readonly record struct LimitDecision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

/// <summary>Fixed-window counters per (caller, bucket): the first request opens a window; it ends <c>Window</c> later.</summary>
public sealed class FixedWindowLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Caller, string Bucket), (DateTimeOffset Start, int Count)> _windows = new();
    private readonly Func<string, RateLimitRule> _rules;

    /// <summary>Creates a limiter; <paramref name="rules"/> gives the current rule for a bucket.</summary>
    public FixedWindowLimiter(Func<string, RateLimitRule> rules) => _rules = rules;

    /// <summary>Number of requests refused with 429 so far.</summary>
    public long Rejected { get; private set; }

    /// <summary>Counts a request; null when the bucket has no limit.</summary>
    public LimitDecision? Count(string caller, string bucket, DateTimeOffset now)
    {
        var rule = _rules(bucket);
        if (rule.Limit <= 0) return null;
        lock (_gate)
        {
            var key = (caller, bucket);
            if (!_windows.TryGetValue(key, out var w) || now >= w.Start + rule.Window) w = (now, 0);
            var end = w.Start + rule.Window;
            int reset = Math.Max(1, (int)Math.Ceiling((end - now).TotalSeconds));
            if (w.Count >= rule.Limit)
            {
                Rejected++;
                _windows[key] = w;
                return new LimitDecision(false, rule.Limit, 0, reset);
            }
            w.Count++;
            _windows[key] = w;
            int remaining = rule.Limit - w.Count;
            return new LimitDecision(true, rule.Limit, remaining, remaining > 0 ? 0 : reset);
        }
    }

    /// <summary>Forgets all windows.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _windows.Clear();
            Rejected = 0;
        }
    }
}
