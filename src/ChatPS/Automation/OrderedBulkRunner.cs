using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Automation
{
    /// <summary>
    /// Runs a per-item operation with at most <see cref="ThrottleLimit"/> items in flight and hands results
    /// back in input order. Items are accepted into a window of at most <see cref="WindowSize"/> items (waiting
    /// to start, in flight, or finished ahead of a slower earlier one); when it is full, adding waits until the
    /// earliest finishes, so memory stays flat however many items pass through. Per-item failures come back in
    /// their place.
    /// </summary>
    /// <remarks>
    /// One caller (a cmdlet's pipeline thread) adds items and takes results. An item waiting for a free slot is
    /// started by the item that frees it, on the thread that finished it: the caller need not come back for each
    /// start, so it can keep feeding input (and writing output) while the calls run, as a bare loop of tasks would.
    /// Pacing against rate limits is the connection's limiter's job.
    /// </remarks>
    public sealed class OrderedBulkRunner<TIn, TOut> : IDisposable
    {
        /// <summary>The highest throttle limit accepted.</summary>
        public const int MaxThrottleLimit = 32;

        private readonly Func<TIn, CancellationToken, Task<TOut>> _operation;
        private readonly Queue<Item> _window = new Queue<Item>();
        // Guards _waiting and _running, which the caller and finishing items both touch.
        private readonly object _gate = new object();
        private readonly Queue<Item> _waiting = new Queue<Item>();
        private readonly CancellationTokenSource _cancel;
        private int _running;

        /// <summary>Creates a runner.</summary>
        /// <param name="operation">The per-item call; it receives a token cancelled when the runner is cancelled or disposed.</param>
        /// <param name="throttleLimit">Items in flight at once, 1 to <see cref="MaxThrottleLimit"/>.</param>
        /// <param name="cancellationToken">Cancels every item in flight (Ctrl+C).</param>
        /// <param name="windowSize">Items held (waiting, in flight, or finished and not yet handed back); default four times the throttle limit.</param>
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

        /// <summary>Items held at most (waiting, in flight, or finished and waiting for an earlier one).</summary>
        public int WindowSize { get; }

        /// <summary>Items submitted and not yet handed back.</summary>
        public int Pending => _window.Count;

        /// <summary>
        /// Accepts <paramref name="input"/> as soon as the window has room (starting it at once if a slot is free),
        /// and returns the results that are ready, in input order (possibly none).
        /// </summary>
        public Task<IReadOnlyList<BulkResult<TIn, TOut>>> AddAsync(TIn input)
        {
            // The common case, room in the window, completes synchronously: no state machine, no wait.
            var ready = new List<BulkResult<TIn, TOut>>();
            TakeReady(ready);
            if (_window.Count < WindowSize)
            {
                try
                {
                    Accept(input, ready);
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
            // Full window: only the earliest item can make room.
            while (_window.Count >= WindowSize)
            {
                await Settle(_window.Peek().Result.Task).ConfigureAwait(false);
                TakeReady(ready);
            }
            Accept(input, ready);
            return ready;
        }

        /// <summary>Waits for every item still pending and returns their results in input order.</summary>
        public async Task<IReadOnlyList<BulkResult<TIn, TOut>>> CompleteAsync()
        {
            var results = new List<BulkResult<TIn, TOut>>(_window.Count);
            while (_window.Count > 0)
            {
                await Settle(_window.Peek().Result.Task).ConfigureAwait(false);
                TakeReady(results);
            }
            return results;
        }

        /// <summary>Cancels every item in flight; items still waiting for a slot finish as cancelled.</summary>
        public void Dispose()
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }

        private void Accept(TIn input, List<BulkResult<TIn, TOut>> ready)
        {
            _cancel.Token.ThrowIfCancellationRequested();
            var item = new Item(input);
            _window.Enqueue(item);
            bool start;
            lock (_gate)
            {
                start = _running < ThrottleLimit;
                if (start) _running++;
                else _waiting.Enqueue(item);
            }
            if (start) Launch(item);
            TakeReady(ready);
        }

        /// <summary>
        /// Runs <paramref name="item"/> and, as each item finishes, the next one waiting for its slot. Items that
        /// finish synchronously are handled in this loop rather than by recursion.
        /// </summary>
        private void Launch(Item? item)
        {
            while (item != null)
            {
                var task = Invoke(item.Input);
                if (!task.IsCompleted)
                {
                    var started = item;
                    task.ContinueWith(t =>
                    {
                        started.Finish(t);
                        Launch(Next());
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return;
                }
                item.Finish(task);
                item = Next();
            }
        }

        /// <summary>Hands a freed slot to the next waiting item, or gives it back.</summary>
        private Item? Next()
        {
            lock (_gate)
            {
                if (_waiting.Count > 0) return _waiting.Dequeue();
                _running--;
                return null;
            }
        }

        /// <summary>
        /// Calls the operation on the current thread: its synchronous part is short (validation, building the
        /// request) and it goes asynchronous at its first wait, so a hop through the thread pool would only add
        /// a context switch per item. Failures, synchronous or not, come back in the task, as with Task.Run.
        /// </summary>
        private Task<TOut> Invoke(TIn input)
        {
            CancellationToken token;
            try
            {
                token = _cancel.Token;
            }
            catch (ObjectDisposedException)
            {
                return Task.FromCanceled<TOut>(new CancellationToken(true));
            }
            if (token.IsCancellationRequested) return Task.FromCanceled<TOut>(token);
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
            while (_window.Count > 0 && _window.Peek().Result.Task.IsCompleted)
            {
                var item = _window.Dequeue();
                var task = item.Result.Task;
                into.Add(task.Status == TaskStatus.RanToCompletion
                    ? new BulkResult<TIn, TOut>(item.Input, task.Result)
                    : new BulkResult<TIn, TOut>(item.Input, Unwrap(task)));
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

        /// <summary>One accepted item: its input and the outcome, set when its call finishes (it may wait for a slot first).</summary>
        private sealed class Item
        {
            public Item(TIn input) => Input = input;

            public TIn Input { get; }

            // Continuations run asynchronously: a finishing call must not run the caller's wait-and-take code inline.
            public TaskCompletionSource<TOut> Result { get; } = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);

            public void Finish(Task<TOut> task)
            {
                if (task.Status == TaskStatus.RanToCompletion) Result.TrySetResult(task.Result);
                else if (task.IsCanceled) Result.TrySetCanceled();
                else Result.TrySetException(task.Exception!.InnerExceptions);
            }
        }
    }
}
