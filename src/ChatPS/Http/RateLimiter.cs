using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Http
{
    /// <summary>
    /// Paces requests per server bucket from the rate-limit headers, so requests wait before they are
    /// sent instead of being refused with 429 (KOOK disables bots that keep exceeding limits).
    /// Shared by every caller of one connection; thread-safe.
    /// </summary>
    /// <remarks>
    /// The state per bucket is the last reported <c>Remaining</c>, less requests sent since; a bucket
    /// that has not been seen yet (or whose window has passed with no limit known) lets one probe
    /// request through and holds the others until its response says how much room there is.
    /// Requests still in flight when a response arrives are assumed not yet counted by the server,
    /// which errs on the side of waiting.
    /// <para>
    /// KOOK rounds <c>X-Rate-Limit-Reset</c> up to whole seconds, so the client's end of a window is up to a second
    /// (plus the reply's travel time) later than the server's. Requests the server answered after its window ended
    /// count against its next one; a refill to the full limit would then send that many too many (and KOOK disables
    /// bots that keep exceeding limits). So a refill holds back every request answered since the earliest moment the
    /// server's window could have ended, and the first reply of the new window, which counts them, says how much room
    /// is really left.
    /// </para>
    /// </remarks>
    internal sealed class RateLimiter
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, string> _routeToBucket = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, Bucket> _buckets = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _clock;
        private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;
        private int _waiting;

        public RateLimiter(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

        /// <summary>Waits until a request on <paramref name="route"/> may be sent, and reserves it. Dispose the lease after the response.</summary>
        public Task<Lease> AcquireAsync(string route, Action<TimeSpan, string>? onWait, CancellationToken cancellationToken) =>
            AcquireAsync(route, onWait, Timeout.InfiniteTimeSpan, cancellationToken);

        /// <summary>
        /// As <see cref="AcquireAsync(string, Action{TimeSpan, string}, CancellationToken)"/>, but a timed wait longer than
        /// <paramref name="maxWait"/> (infinite: no bound) throws <see cref="RateLimitWaitTooLongException"/> instead of
        /// waiting. A wait for another request's response is not timed: that request's own timeout bounds it.
        /// </summary>
        public async Task<Lease> AcquireAsync(string route, Action<TimeSpan, string>? onWait, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan delay;
                Task? signal = null;
                string reason;
                lock (_gate)
                {
                    var now = _clock();
                    var bucket = BucketFor(route);
                    if (now < _globalResetAt)
                    {
                        delay = _globalResetAt - now;
                        reason = "global rate limit";
                    }
                    else
                    {
                        bucket.RefillIfDue(now);
                        if (bucket.Unlimited)
                        {
                            bucket.InFlight++;
                            return new Lease(this, bucket, now);
                        }
                        if (!bucket.Known)
                        {
                            if (bucket.InFlight == 0)
                            {
                                bucket.InFlight++;
                                return new Lease(this, bucket, now);
                            }
                            signal = bucket.Changed.Task;
                            delay = TimeSpan.Zero;
                            reason = "waiting for the first response of bucket " + bucket.Name;
                        }
                        else if (bucket.Remaining > 0)
                        {
                            bucket.Remaining--;
                            bucket.InFlight++;
                            return new Lease(this, bucket, now);
                        }
                        else if (bucket.ResetAt == DateTimeOffset.MaxValue)
                        {
                            // Refilled locally, used up, and no response has said when the window ends.
                            if (bucket.InFlight == 0)
                            {
                                bucket.Forget();
                                continue;
                            }
                            signal = bucket.Changed.Task;
                            delay = TimeSpan.Zero;
                            reason = "waiting for a response of bucket " + bucket.Name;
                        }
                        else
                        {
                            delay = bucket.ResetAt > now ? bucket.ResetAt - now : TimeSpan.FromMilliseconds(10);
                            // A response still in flight may move the reset time; wake on it too.
                            if (bucket.InFlight > 0) signal = bucket.Changed.Task;
                            reason = "rate limit of bucket " + bucket.Name;
                        }
                    }
                }

                bool untilSignal = signal != null && delay == TimeSpan.Zero;
                if (!untilSignal && maxWait != Timeout.InfiniteTimeSpan && delay > maxWait)
                    throw new RateLimitWaitTooLongException(delay, reason, _clock() + delay);
                if (!untilSignal) onWait?.Invoke(delay, reason);
                Interlocked.Increment(ref _waiting);
                try
                {
                    await WaitAnyAsync(signal, untilSignal ? Timeout.InfiniteTimeSpan : delay, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }
        }

        /// <summary>How many callers are waiting right now: lets tests see that a request is being held without guessing a delay.</summary>
        internal int Waiting => Volatile.Read(ref _waiting);

        /// <summary>Until when every bucket is paused by a global limit (<see cref="DateTimeOffset.MinValue"/> when it is not).</summary>
        public DateTimeOffset GlobalPausedUntil
        {
            get { lock (_gate) return _globalResetAt; }
        }

        /// <summary>
        /// When the window a reply describes ends. KOOK's <c>X-Rate-Limit-Reset</c> is whole seconds to wait, relative, not
        /// an epoch: <c>0</c> while room remains says nothing about the window's end (<see cref="DateTimeOffset.MaxValue"/>,
        /// unknown), and a <c>0</c> on a refusal or on the last request has been rounded down, so one second is assumed.
        /// </summary>
        internal static DateTimeOffset ResetTimeOf(RateLimitState state, bool rejected)
        {
            if (state.ResetAfter is TimeSpan after)
            {
                if (after > TimeSpan.Zero) return state.ObservedAt + after;
                if (!rejected && state.Remaining > 0) return DateTimeOffset.MaxValue;
            }
            return state.ObservedAt + TimeSpan.FromSeconds(1);
        }

        /// <summary>Current view of a bucket, for diagnostics and tests.</summary>
        public (int Remaining, DateTimeOffset ResetAt, bool Known)? Snapshot(string route)
        {
            lock (_gate)
            {
                string name = _routeToBucket.TryGetValue(route, out var b) ? b : route;
                return _buckets.TryGetValue(name, out var bucket) ? (bucket.Remaining, bucket.ResetAt, bucket.Known) : ((int, DateTimeOffset, bool)?)null;
            }
        }

        private void Complete(Bucket bucket, DateTimeOffset sentAt, RateLimitState? state, bool rejected)
        {
            TaskCompletionSource<bool> changed;
            lock (_gate)
            {
                bucket.InFlight--;
                var answeredAt = _clock();
                if (state != null && state.HasData)
                {
                    // X-Rate-Limit-Global is a flag with no value: the limit across all buckets was hit, so every
                    // bucket of this connection pauses until the reset it reports (a second when it reports none).
                    if (state.IsGlobal)
                    {
                        var globalReset = ResetTimeOf(state, rejected: true);
                        if (globalReset > _globalResetAt) _globalResetAt = globalReset;
                    }
                    var target = bucket;
                    if (!state.IsGlobal && state.Bucket != null && state.Bucket != bucket.Name)
                    {
                        // The server names the bucket; routes that share it share its state from now on.
                        target = Named(state.Bucket);
                        foreach (var route in bucket.Routes)
                        {
                            _routeToBucket[route] = state.Bucket;
                            target.Routes.Add(route);
                        }
                    }
                    if (!state.IsGlobal) target.Apply(state, sentAt, rejected);
                    target.Answered(answeredAt);
                }
                else if (state != null && !bucket.Known)
                {
                    // The service reports no limit for this route (Tomon never does): stop probing one at a time.
                    bucket.Unlimited = true;
                }
                else
                {
                    // A request that failed without a reply (a timeout under load, a dropped connection) says nothing
                    // about the limit: an unknown bucket lets the next probe through, one at a time. It may still
                    // have reached the server.
                    bucket.Answered(answeredAt);
                }
                changed = bucket.Changed;
                bucket.Changed = NewSignal();
            }
            changed.TrySetResult(true);
        }

        private Bucket BucketFor(string route)
        {
            if (_routeToBucket.TryGetValue(route, out var name)) return Named(name);
            _routeToBucket[route] = route;
            var bucket = Named(route);
            bucket.Routes.Add(route);
            return bucket;
        }

        private Bucket Named(string name)
        {
            if (!_buckets.TryGetValue(name, out var bucket))
            {
                bucket = new Bucket(name);
                _buckets[name] = bucket;
            }
            return bucket;
        }

        private static TaskCompletionSource<bool> NewSignal() =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task WaitAnyAsync(Task? signal, TimeSpan delay, CancellationToken cancellationToken)
        {
            if (signal is null)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                return;
            }
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delayTask = Task.Delay(delay, cts.Token);
            await Task.WhenAny(signal, delayTask).ConfigureAwait(false);
            cts.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>A reserved request slot; report the response's state with <see cref="Complete"/>, or dispose to release it.</summary>
        public sealed class Lease : IDisposable
        {
            private readonly RateLimiter _owner;
            private readonly Bucket _bucket;
            private readonly DateTimeOffset _sentAt;
            private int _done;

            internal Lease(RateLimiter owner, Bucket bucket, DateTimeOffset sentAt)
            {
                _owner = owner;
                _bucket = bucket;
                _sentAt = sentAt;
            }

            /// <summary>Records what the response said about the bucket; <paramref name="rejected"/> is true for a 429.</summary>
            public void Complete(RateLimitState? state, bool rejected = false)
            {
                if (Interlocked.Exchange(ref _done, 1) == 0) _owner.Complete(_bucket, _sentAt, state, rejected);
            }

            /// <summary>Releases the slot without new information (the request failed before a response).</summary>
            public void Dispose() => Complete(null);
        }

        internal sealed class Bucket
        {
            public Bucket(string name) => Name = name;

            public string Name { get; }
            public HashSet<string> Routes { get; } = new HashSet<string>(StringComparer.Ordinal);
            public bool Known { get; private set; }

            /// <summary>Replies carry no rate-limit data: requests are not held back until one does (or a 429 arrives).</summary>
            public bool Unlimited { get; set; }
            public int? Limit { get; private set; }
            public int Remaining { get; set; }
            public DateTimeOffset ResetAt { get; private set; } = DateTimeOffset.MinValue;
            public int InFlight { get; set; }
            public TaskCompletionSource<bool> Changed { get; set; } = NewSignal();

            /// <summary>When the bucket was last refilled locally; responses to requests sent before then describe a window that is over.</summary>
            public DateTimeOffset RefilledAt { get; private set; } = DateTimeOffset.MinValue;

            /// <summary>
            /// The earliest moment the server's window could have ended, from the replies that said when it ends:
            /// KOOK computed <c>Reset</c> after the request was sent and rounded it up, so the window ends after
            /// <c>sent + Reset - 1s</c>. <see cref="DateTimeOffset.MaxValue"/> while no reply has said.
            /// </summary>
            public DateTimeOffset EarliestEnd { get; private set; } = DateTimeOffset.MaxValue;

            /// <summary>
            /// True from a refill until a reply to a request sent after it and after every request answered so far: the
            /// server had counted all of those when it produced the reply, so its count is the window's, and may be higher
            /// than ours.
            /// </summary>
            public bool Recounting { get; private set; }

            // When each request of this window was answered (or failed): those answered after the server's window ended
            // count against its next one. At most a window's worth, cleared on every refill.
            private readonly List<DateTimeOffset> _answered = new List<DateTimeOffset>();

            // When the last request was answered: a reply counts every request answered before its own was sent.
            private DateTimeOffset _lastAnswered = DateTimeOffset.MinValue;

            public void Answered(DateTimeOffset at)
            {
                if (at > _lastAnswered) _lastAnswered = at;
                if (Known && !Unlimited) _answered.Add(at);
            }

            public void Apply(RateLimitState state, DateTimeOffset sentAt, bool rejected)
            {
                Unlimited = false;
                if (state.Limit.HasValue) Limit = state.Limit;
                // A late reply from the previous window would hand back its count and its (earlier) reset time;
                // only a refusal is worth hearing from it.
                if (Known && sentAt < RefilledAt && !rejected) return;

                int reported;
                if (state.Remaining.HasValue)
                    // Requests sent after this response was produced are not counted in it yet.
                    reported = Math.Max(0, state.Remaining.Value - InFlight);
                else if (state.ResetAfter.HasValue)
                    // A bare Retry-After (429 without counts): nothing may be sent until it passes.
                    reported = 0;
                else
                    return;

                var resetAt = ResetTimeOf(state, rejected);
                if (resetAt != DateTimeOffset.MaxValue)
                {
                    var after = state.ResetAfter ?? TimeSpan.Zero;
                    var earliest = after > TimeSpan.FromSeconds(1) ? sentAt + after - TimeSpan.FromSeconds(1) : sentAt;
                    if (earliest < EarliestEnd) EarliestEnd = earliest;
                }
                if (!Known || (Recounting && sentAt >= RefilledAt && sentAt >= _lastAnswered))
                {
                    // The first reply of a window: the server had counted every request answered before it, including
                    // those a refill held back because they may have landed in this window, so it may raise our count.
                    Known = true;
                    Recounting = false;
                    Remaining = reported;
                    ResetAt = resetAt;
                    return;
                }
                // Within a window our own count only goes down; replies arriving out of order must not raise it.
                Remaining = Math.Min(Remaining, reported);
                // Each reply's observed time + Reset is an upper bound on this window's end (KOOK rounds Reset up to
                // whole seconds), so the smallest is both safe and tight; replies of earlier windows were filtered above.
                // A reply that does not know (Reset 0 with room left) leaves it as it is.
                ResetAt = ResetAt == DateTimeOffset.MaxValue || resetAt < ResetAt ? resetAt : ResetAt;
            }

            public void Forget()
            {
                Known = false;
                ResetAt = DateTimeOffset.MinValue;
                StartWindow();
            }

            public void RefillIfDue(DateTimeOffset now)
            {
                if (!Known || now < ResetAt) return;
                if (Limit.HasValue)
                {
                    // Our reset time is never earlier than the server's (it was observed after the server computed it),
                    // so the window has turned. Requests still in flight, and those answered since the server's window
                    // may have ended, may count against the new one.
                    int carried = InFlight;
                    foreach (var at in _answered)
                        if (at >= EarliestEnd) carried++;
                    Remaining = Math.Max(0, Limit.Value - carried);
                    ResetAt = DateTimeOffset.MaxValue;
                    RefilledAt = now;
                    StartWindow();
                    Recounting = true;
                }
                else
                {
                    Known = false;
                    StartWindow();
                }
            }

            private void StartWindow()
            {
                _answered.Clear();
                EarliestEnd = DateTimeOffset.MaxValue;
                Recounting = false;
            }
        }
    }
}
