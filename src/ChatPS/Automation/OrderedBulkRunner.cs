using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Automation
{
    /// <summary>
    /// Runs a per-item operation with at most <see cref="ThrottleLimit"/> items in flight and hands results
    /// back in input order. Items finished ahead of a slower earlier one wait in a reorder window of at most
    /// <see cref="WindowSize"/> items; when it is full, no new item starts until the earliest finishes, so
    /// memory stays flat however many items pass through. Per-item failures come back in their place.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: one caller (a cmdlet's pipeline thread) adds items and takes results; only the
    /// operations run concurrently. Pacing against rate limits is the connection's limiter's job.
    /// </remarks>
    public sealed class OrderedBulkRunner<TIn, TOut> : IDisposable
    {
        /// <summary>The highest throttle limit accepted.</summary>
        public const int MaxThrottleLimit = 32;

        private readonly Func<TIn, CancellationToken, Task<TOut>> _operation;
        private readonly Queue<(TIn Input, Task<TOut> Task)> _window = new Queue<(TIn, Task<TOut>)>();
        private readonly CancellationTokenSource _cancel;

        /// <summary>Creates a runner.</summary>
        /// <param name="operation">The per-item call; it receives a token cancelled when the runner is cancelled or disposed.</param>
        /// <param name="throttleLimit">Items in flight at once, 1 to <see cref="MaxThrottleLimit"/>.</param>
        /// <param name="cancellationToken">Cancels every item in flight (Ctrl+C).</param>
        /// <param name="windowSize">Items held for reordering (in flight or finished, not yet handed back); default four times the throttle limit.</param>
        public OrderedBulkRunner(Func<TIn, CancellationToken, Task<TOut>> operation, int throttleLimit, CancellationToken cancellationToken = default, int? windowSize = null)
        {
            _operation = operation ?? throw new ArgumentNullException(nameof(operation));
            if (throttleLimit < 1 || throttleLimit > MaxThrottleLimit)
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, $"The throttle limit must be between 1 and {MaxThrottleLimit}.");
            ThrottleLimit = throttleLimit;
            WindowSize = Math.Max(throttleLimit, windowSize ?? throttleLimit * 4);
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Items in flight at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>Items held at most (in flight, or finished and waiting for an earlier one).</summary>
        public int WindowSize { get; }

        /// <summary>Items submitted and not yet handed back.</summary>
        public int Pending => _window.Count;

        /// <summary>
        /// Starts <paramref name="input"/> as soon as there is room, and returns the results that are ready,
        /// in input order (possibly none).
        /// </summary>
        public Task<IReadOnlyList<BulkResult<TIn, TOut>>> AddAsync(TIn input)
        {
            // The common case, room in the window, completes synchronously: no state machine, no wait.
            var ready = new List<BulkResult<TIn, TOut>>();
            TakeReady(ready);
            if (Running() < ThrottleLimit && _window.Count < WindowSize)
            {
                try
                {
                    Enqueue(input, ready);
                }
                catch (OperationCanceledException ex)
                {
                    // As the async path reports it: a cancelled task, not a faulted one.
                    return Task.FromCanceled<IReadOnlyList<BulkResult<TIn, TOut>>>(ex.CancellationToken.IsCancellationRequested ? ex.CancellationToken : new CancellationToken(true));
                }
                return Task.FromResult<IReadOnlyList<BulkResult<TIn, TOut>>>(ready);
            }
            return AddWhenRoomAsync(input, ready);
        }

        private async Task<IReadOnlyList<BulkResult<TIn, TOut>>> AddWhenRoomAsync(TIn input, List<BulkResult<TIn, TOut>> ready)
        {
            while (true)
            {
                // One snapshot for both the count and the wait: were the set re-read for the wait, items finishing
                // in between would leave only slower ones in it, and the runner would idle until those finish.
                var running = _window.Where(item => !item.Task.IsCompleted).Select(item => (Task)item.Task).ToList();
                if (running.Count < ThrottleLimit && _window.Count < WindowSize) break;
                // Full window: only the earliest item can make room. Full throttle: any finishing item can.
                var wait = _window.Count >= WindowSize ? _window.Peek().Task : await Task.WhenAny(running).ConfigureAwait(false);
                await Settle(wait).ConfigureAwait(false);
                TakeReady(ready);
            }
            Enqueue(input, ready);
            return ready;
        }

        private void Enqueue(TIn input, List<BulkResult<TIn, TOut>> ready)
        {
            _cancel.Token.ThrowIfCancellationRequested();
            _window.Enqueue((input, Start(input)));
            TakeReady(ready);
        }

        private int Running()
        {
            int running = 0;
            foreach (var item in _window)
                if (!item.Task.IsCompleted) running++;
            return running;
        }

        /// <summary>Waits for every item still pending and returns their results in input order.</summary>
        public async Task<IReadOnlyList<BulkResult<TIn, TOut>>> CompleteAsync()
        {
            var results = new List<BulkResult<TIn, TOut>>(_window.Count);
            while (_window.Count > 0)
            {
                await Settle(_window.Peek().Task).ConfigureAwait(false);
                TakeReady(results);
            }
            return results;
        }

        /// <summary>Cancels every item in flight.</summary>
        public void Dispose()
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }

        /// <summary>
        /// Starts the operation on the calling thread: its synchronous part is short (validation, building the
        /// request) and it goes asynchronous at its first wait, so a hop through the thread pool would only add
        /// a context switch per item. Failures, synchronous or not, come back in the task, as with Task.Run.
        /// </summary>
        private Task<TOut> Start(TIn input)
        {
            var token = _cancel.Token;
            try
            {
                return _operation(input, token) ?? throw new InvalidOperationException("The operation returned no task.");
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return Task.FromCanceled<TOut>(token);
            }
            catch (Exception ex)
            {
                return Task.FromException<TOut>(ex);
            }
        }

        private void TakeReady(List<BulkResult<TIn, TOut>> into)
        {
            while (_window.Count > 0 && _window.Peek().Task.IsCompleted)
            {
                var (input, task) = _window.Dequeue();
                into.Add(task.Status == TaskStatus.RanToCompletion
                    ? new BulkResult<TIn, TOut>(input, task.Result)
                    : new BulkResult<TIn, TOut>(input, Unwrap(task)));
            }
        }

        private static Exception Unwrap(Task task)
        {
            if (task.IsCanceled) return new OperationCanceledException("The operation was cancelled.");
            var error = task.Exception!;
            return error.InnerExceptions.Count == 1 ? error.InnerExceptions[0] : error;
        }

        /// <summary>Waits for a task to finish without observing its failure (that is reported with its result).</summary>
        private static Task Settle(Task task) => task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
