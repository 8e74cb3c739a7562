using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Module
{
    /// <summary>
    /// The base of every ChatPS cmdlet: starts core calls on the pipeline thread and waits for their
    /// asynchronous part while writing their HTTP log lines to the verbose stream from it (and a rate-limit wait of
    /// more than a few seconds to the warning stream, so an unattended run's log says why it stalled), cancels the
    /// in-flight call on Ctrl+C, and turns exceptions into error records with ChatPS's ids and categories.
    /// </summary>
    public abstract class ChatCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        // One queue for the whole invocation: a bulk item started during one Run may log during a later one.
        private readonly ConcurrentQueue<HttpLogEntry> _pending = new ConcurrentQueue<HttpLogEntry>();
        // Rate-limit waits long enough to be worth a warning, written whatever -Verbose says.
        private readonly ConcurrentQueue<HttpLogEntry> _longWaits = new ConcurrentQueue<HttpLogEntry>();
        // Set when a log line arrives or a call finishes; the pipeline thread sleeps on it (one event per invocation,
        // rather than a wait handle per call).
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);
        private Action<HttpLogEntry>? _enqueue;
        private Action<HttpLogEntry>? _enqueueLongWait;
        private Action? _signal;
        private bool? _verbose;

        /// <summary>Cancels the call in flight (Ctrl+C, or a downstream Select-Object -First).</summary>
        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Cancelled when the pipeline is stopped.</summary>
        protected CancellationToken StopToken => _stop.Token;

        /// <summary>Runs <paramref name="operation"/> and returns its result; verbose lines are written as they arrive.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            var task = Start(operation);
            if (!task.IsCompleted)
            {
                var signal = _signal ??= Wake;
                task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(signal);
            }
            while (true)
            {
                bool done = task.IsCompleted;
                while (_pending.TryDequeue(out var entry)) WriteVerbose(entry.ToString());
                while (_longWaits.TryDequeue(out var wait)) WriteWarning(wait.ToString());
                if (done) break;
                _arrived.WaitOne();
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Starts the operation on this thread: its synchronous part (validation, building the request, a bulk
        /// runner handing back results already in) needs no trip through the thread pool, and a call that finishes
        /// synchronously needs no wait at all. The host's synchronization context, if it has one, is set aside so
        /// that no continuation tries to come back to this thread while it waits.
        /// </summary>
        private Task<T> Start<T>(Func<CancellationToken, Task<T>> operation)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                // The listener scope flows into the operation's continuations (and what it starts) with the execution context.
                using (VerboseWanted ? HttpDiagnostics.Listen(_enqueue ??= Enqueue) : null)
                using (HttpDiagnostics.ListenForLongWaits(_enqueueLongWait ??= EnqueueLongWait))
                {
                    return operation(_stop.Token);
                }
            }
            catch (Exception ex)
            {
                // As Task.Run did: a synchronous throw surfaces when the result is taken.
                return Task.FromException<T>(ex);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        /// <summary>
        /// Whether verbose lines would be shown or recorded: -Verbose given, or $VerbosePreference asks for them.
        /// When not, HTTP log lines are not built at all (building one redacts, which reveals the token).
        /// </summary>
        private protected bool VerboseWanted => _verbose ??= IsVerboseOn();

        private bool IsVerboseOn()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var given))
                return given is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(given);
            var preference = GetVariableValue("VerbosePreference");
            if (preference is null) return false;
            if (!(preference is ActionPreference value) && !Enum.TryParse(preference.ToString(), true, out value)) return true;
            return value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
        }

        private void EnqueueLongWait(HttpLogEntry entry)
        {
            _longWaits.Enqueue(entry);
            Wake();
        }

        private void Enqueue(HttpLogEntry entry)
        {
            _pending.Enqueue(entry);
            Wake();
        }

        /// <summary>
        /// Wakes the pipeline thread. Called from pool threads: a call's completion continuation can run after
        /// <see cref="Run{T}"/> has already seen the task complete and returned, and a bulk item cancelled by
        /// <see cref="Dispose"/> can still log, both after the invocation has ended and disposed the event. Nobody is
        /// waiting then, and an exception escaping a pool thread would end the user's whole PowerShell process.
        /// </summary>
        private void Wake()
        {
            try
            {
                _arrived.Set();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>A runner for per-item calls with at most <paramref name="throttleLimit"/> in flight, cancelled with the pipeline.</summary>
        protected OrderedBulkRunner<TIn, TOut> CreateRunner<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> operation, int throttleLimit) =>
            new OrderedBulkRunner<TIn, TOut>(operation, throttleLimit, _stop.Token);

        /// <summary>Submits one item and hands every result that is ready, in input order, to <paramref name="emit"/> on this thread.</summary>
        protected void Submit<TIn, TOut>(OrderedBulkRunner<TIn, TOut> runner, TIn input, Action<BulkResult<TIn, TOut>> emit)
        {
            foreach (var result in Run(_ => runner.AddAsync(input))) emit(result);
        }

        /// <summary>Waits for the items still in flight and hands their results to <paramref name="emit"/>, in input order.</summary>
        protected void Drain<TIn, TOut>(OrderedBulkRunner<TIn, TOut>? runner, Action<BulkResult<TIn, TOut>> emit)
        {
            if (runner is null) return;
            foreach (var result in Run(_ => runner.CompleteAsync())) emit(result);
        }

        /// <summary>Runs an operation with no result.</summary>
        protected void Run(Func<CancellationToken, Task> operation) => Run(async token =>
        {
            await operation(token).ConfigureAwait(false);
            return true;
        });

        /// <summary>
        /// Runs one item's operation; a failure is reported (terminating or not, as classified) and
        /// false returned, so the rest of the pipeline goes on.
        /// </summary>
        protected bool TryRun<T>(Func<CancellationToken, Task<T>> operation, object? target, out T result)
        {
            try
            {
                result = Run(operation);
                return true;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                Report(ex, target);
                result = default!;
                return false;
            }
        }

        /// <summary><see cref="TryRun{T}"/> for an operation with no result.</summary>
        protected bool TryRun(Func<CancellationToken, Task> operation, object? target) =>
            TryRun(async token =>
            {
                await operation(token).ConfigureAwait(false);
                return true;
            }, target, out _);

        /// <summary>Writes (or throws, when terminating) the error record for <paramref name="exception"/>.</summary>
        protected void Report(Exception exception, object? target, bool forceTerminating = false)
        {
            if (exception is OperationCanceledException && _stop.IsCancellationRequested) throw new PipelineStoppedException();
            var record = ToErrorRecord(exception, target, out bool terminating);
            if (terminating || forceTerminating) ThrowTerminatingError(record);
            else WriteError(record);
        }

        /// <summary>Builds the error record: ChatPS's stable id, the classified category, the input as target.</summary>
        internal static ErrorRecord ToErrorRecord(Exception exception, object? target, out bool terminating)
        {
            var classification = ErrorClassifier.Classify(exception);
            terminating = classification.Terminating;
            var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), classification.Category.ToString());
            var record = new ErrorRecord(exception, classification.ErrorId, category, target);
            if (exception is NotConnectedException notConnected)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Run Connect-" + notConnected.Platform + "." };
            else if (exception is ChatApiException api && api.Kind == ChatErrorKind.Authentication)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Check the token, or connect again." };
            else if (exception is ChatProxyAuthenticationException)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Connect again with the proxy's credentials (-ProxyCredential)." };
            else if (exception is ChatTlsException tls && tls.CertificateRefused)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = "Trust the CA that issued the server's certificate on this machine." };
            return record;
        }

        /// <summary>True for failures ChatPS reports as error records (not bugs, not Ctrl+C).</summary>
        protected static bool IsReportable(Exception ex) =>
            ex is ChatApiException || ex is ArgumentException || ex is InvalidOperationException ||
            ex is System.IO.IOException || ex is UnauthorizedAccessException;

        /// <summary>
        /// Writes an API model. Fields the service sent that the model does not declare are shown by
        /// <see cref="ApiModelAdapter"/> (ChatPS.types.ps1xml) after the declared properties, on this object and
        /// on every model nested in it, so nothing the service said is hidden and nothing is added here.
        /// </summary>
        protected void WriteModel(object? model) => WriteObject(model);

        /// <summary>Shows progress for a run of known length.</summary>
        protected void ShowProgress(ProgressTracker tracker, string? current)
        {
            if (!tracker.ShouldShow) return;
            WriteProgress(new ProgressRecord(Math.Abs(tracker.Activity.GetHashCode()) % 100000, tracker.Activity, tracker.Status(current))
            {
                PercentComplete = tracker.PercentComplete,
                SecondsRemaining = tracker.SecondsRemaining,
            });
        }

        /// <summary>Closes a progress bar.</summary>
        protected void CompleteProgress(ProgressTracker tracker)
        {
            if (!tracker.ShouldShow) return;
            WriteProgress(new ProgressRecord(Math.Abs(tracker.Activity.GetHashCode()) % 100000, tracker.Activity, "Done")
            {
                RecordType = ProgressRecordType.Completed,
            });
        }

        /// <summary>Releases what the invocation held; a runner still working is cancelled.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            DisposeResources();
            _stop.Dispose();
            _arrived.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases a derived cmdlet's resources (such as a bulk runner).</summary>
        protected virtual void DisposeResources()
        {
        }
    }
}
