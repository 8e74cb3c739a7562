using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ChatPS.Http
{
    /// <summary>
    /// The one request pipeline both platforms use: a pooled <see cref="HttpClient"/> per connection,
    /// authentication, proactive rate limiting, retries, per-attempt timeouts, cancellation, typed
    /// errors and redacted logging. Platform clients only describe requests and read bodies.
    /// Thread-safe: one instance serves concurrent callers.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        private static readonly string UserAgentValue = BuildUserAgent();
        private readonly IApiProtocol _protocol;
        private readonly ConnectionOptions _options;
        private readonly HttpClient _http;
        private readonly RateLimiter _limiter = new RateLimiter();
        private readonly RetryPolicy _retry;
        private readonly ProxyAuthenticator? _proxyAuth;
        private ApiToken? _token;

        public HttpPipeline(IApiProtocol protocol, Uri baseUri, ApiToken? token, ConnectionOptions options)
        {
            _protocol = protocol ?? throw new ArgumentNullException(nameof(protocol));
            if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
            _options = (options ?? throw new ArgumentNullException(nameof(options))).Clone();
            _options.Validate();
            BaseAddress = BaseUri.Normalize(baseUri.OriginalString);
            if (BaseUri.IsUnencryptedRemote(BaseAddress) && !_options.AllowUnencryptedAuthentication)
                throw new ArgumentException(
                    $"Refusing to send credentials over unencrypted http:// to '{BaseAddress.Host}'. Use https://, or allow it explicitly (AllowUnencryptedAuthentication).",
                    nameof(baseUri));
            _token = token;
            _retry = new RetryPolicy(_options);

            _proxyAuth = ProxyAuthenticator.For(_options.Proxy);
            _http = new HttpClient(_options.Transport ?? CreateNetworkHandler(_options, _proxyAuth?.TransportProxy), disposeHandler: true)
            {
                // Timeouts are enforced per attempt below, so that a retry gets its own full timeout.
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        private static HttpMessageHandler CreateNetworkHandler(ConnectionOptions options, IWebProxy? proxy)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // Redirects are followed below, where the Authorization header is dropped on a change of host:
                // the handlers of .NET Framework and .NET disagree on that, and a token must not follow a redirect off-site.
                AllowAutoRedirect = false,
            };
            if (options.Proxy != null)
            {
                handler.Proxy = proxy ?? options.Proxy;
                handler.UseProxy = true;
            }
            return handler;
        }

        /// <summary>The normalised base URI (always ends in '/').</summary>
        public Uri BaseAddress { get; }

        /// <summary>The platform this pipeline talks to.</summary>
        public ChatPlatform Platform => _protocol.Platform;

        /// <summary>The limiter, exposed for diagnostics.</summary>
        internal RateLimiter Limiter => _limiter;

        /// <summary>Replaces the token (Tomon exchanges a bot token for a session token).</summary>
        public void SetToken(ApiToken token) => _token = token ?? throw new ArgumentNullException(nameof(token));

        /// <summary>Removes the token, and the secrets <paramref name="request"/> carries, from <paramref name="text"/> (server messages may echo them).</summary>
        public string Redact(string text, ApiRequest? request = null)
        {
            var token = _token;
            if (token != null) text = SecretRedactor.Redact(text, token.Reveal());
            if (request != null)
                foreach (var secret in request.Secrets) text = SecretRedactor.Redact(text, secret.Reveal());
            return text;
        }

        /// <summary>
        /// Sends <paramref name="request"/>, retrying where the policy allows, and returns the 2xx response.
        /// Any other outcome throws a <see cref="ChatApiException"/>.
        /// </summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (request.Authenticated && _token is null)
                throw new InvalidOperationException($"The {Platform} connection has no token; sign in first.");

            // Once per process, before the first request: .NET Framework may not offer TLS 1.2 yet. An in-process
            // transport (the warm-up) leaves it to the first real request, which then also logs the change.
            if (_options.Transport is null && TlsPolicy.EnsureApplied() is string tlsChange) Log(request, null, TimeSpan.Zero, null, 1, tlsChange);

            long started = Stopwatch.GetTimestamp();
            string route = request.Path;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var lease = await AcquireAsync(request, route, attempt, started, cancellationToken).ConfigureAwait(false);

                long attemptStarted = Stopwatch.GetTimestamp();
                AttemptOutcome outcome;
                Exception failure;
                // Built outside the transport try: a body that cannot be produced (an evidence file deleted since
                // it was checked) is the caller's error, not a connection failure to retry.
                using var message = BuildMessage(request);
                using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptCts.CancelAfter(_options.Timeout);
                    try
                    {
                        using var response = await SendFollowingRedirectsAsync(message, request, attemptCts.Token).ConfigureAwait(false);
                        var state = RateLimitState.FromHeaders(response.Headers, DateTimeOffset.UtcNow);
                        int status = (int)response.StatusCode;
                        // The headers are the limiter's news; a body that then fails to arrive does not change it.
                        lease.Complete(state, rejected: status == 429);
                        byte[] body = await ReadBodyAsync(response, request, status, state, attempt, attemptCts.Token).ConfigureAwait(false);
                        var elapsed = Elapsed(attemptStarted);
                        var result = new ApiResponse(request, status, response.Headers, response.Content?.Headers.ContentType?.MediaType, body, state, attempt, elapsed);
                        if (result.IsSuccess)
                        {
                            Log(request, status, elapsed, state, attempt, null);
                            return result;
                        }

                        if (status == 407)
                        {
                            // The proxy's refusal, not the service's reply: its page is not shown, and nothing is retried.
                            Log(request, status, elapsed, state, attempt, "proxy authentication required");
                            throw NetworkFailure.ProxyRefused(Platform, request, message.RequestUri!, _options.Proxy, attempt);
                        }

                        var error = _protocol.ReadError(result);
                        if (_retry.ShouldRetry(request, AttemptOutcome.Response, status, attempt) &&
                            await BackOffAsync(request, attempt, status, state, started, $"HTTP {status}", cancellationToken).ConfigureAwait(false))
                            continue;

                        Log(request, status, elapsed, state, attempt, error.Message is null ? null : Redact(error.Message, request));
                        // A status nothing classifies (1xx, a 3xx without a Location to follow) is no answer the client can use.
                        throw new ChatApiException(Platform, error.Kind == ChatErrorKind.Unknown ? ChatErrorKind.InvalidResponse : error.Kind,
                            request.Method, request.Path, status, error.Code,
                            error.Message is null ? null : Redact(error.Message, request), state, attempt);
                    }
                    catch (Exception ex) when (!(ex is ChatApiException) && !cancellationToken.IsCancellationRequested &&
                                               (ex is OperationCanceledException || attemptCts.IsCancellationRequested))
                    {
                        // The attempt's timeout: a cancelled read may also surface as the stream's own failure.
                        outcome = AttemptOutcome.Timeout;
                        failure = ex;
                    }
                    catch (HttpRequestException ex)
                    {
                        if (NetworkFailure.Classify(Platform, request, message.RequestUri!, _options.Proxy, ex, attempt) is ChatApiException refused)
                        {
                            Log(request, refused.StatusCode, Elapsed(attemptStarted), null, attempt, refused.ApiMessage);
                            throw refused;
                        }
                        outcome = NeverSent(ex) ? AttemptOutcome.NotSent : AttemptOutcome.ConnectionLost;
                        failure = ex;
                    }
                    catch (IOException ex)
                    {
                        outcome = AttemptOutcome.ConnectionLost;
                        failure = ex;
                    }
                }

                var failedAfter = Elapsed(attemptStarted);
                string what = Describe(outcome, failure);
                lease.Dispose();
                if (_retry.ShouldRetry(request, outcome, null, attempt) &&
                    await BackOffAsync(request, attempt, null, null, started, what, cancellationToken).ConfigureAwait(false))
                    continue;

                Log(request, null, failedAfter, null, attempt, what);
                var kind = outcome == AttemptOutcome.Timeout ? ChatErrorKind.Timeout : ChatErrorKind.Connection;
                throw new ChatTransportException(Platform, kind, request.Method, request.Path, Redact(what, request), attempt, failure);
            }
        }

        /// <summary>Waits before a retry if the budget allows; false means give up now.</summary>
        private async Task<bool> BackOffAsync(ApiRequest request, int attempt, int? status, RateLimitState? state, long started, string reason, CancellationToken cancellationToken)
        {
            // A 429 with rate-limit headers has already told the limiter to hold the bucket until it resets.
            bool limiterWaits = status == 429 && state != null && (state.Remaining.HasValue || state.ResetAfter.HasValue);
            TimeSpan delay = limiterWaits ? TimeSpan.Zero : _retry.Delay(attempt, state);
            TimeSpan expected = delay + (limiterWaits ? state!.ResetAfter ?? TimeSpan.Zero : TimeSpan.Zero);
            if (Elapsed(started) + expected > _options.RetryBudget) return false;
            Log(request, status, TimeSpan.Zero, state, attempt, $"{reason}; retrying" + (delay > TimeSpan.Zero ? $" in {delay.TotalSeconds:0.###}s" : string.Empty));
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>
        /// Waits for the rate limit, within what is left of the retry budget: a bucket that opens later than that
        /// (a 429 or <c>Remaining: 0</c> with a reset of hours) fails the call now, saying when it opens, rather than
        /// holding a script for a day. A wait longer than <see cref="HttpDiagnostics.LongWait"/> is also announced
        /// outside the verbose stream, so an unattended script's log says why it stalled.
        /// </summary>
        private async Task<RateLimiter.Lease> AcquireAsync(ApiRequest request, string route, int attempt, long started, CancellationToken cancellationToken)
        {
            try
            {
                return await _limiter.AcquireAsync(route, (wait, why) =>
                {
                    string note = $"waiting {wait.TotalSeconds:0.###}s for {why}";
                    Log(request, null, wait, null, attempt, note);
                    if (wait >= HttpDiagnostics.LongWait)
                        HttpDiagnostics.WriteLongWait(new HttpLogEntry(Platform, request.Method.Method, Redact(request.PathAndQuery, request), null, wait, null, attempt,
                            $"{note}, until {UtcText(DateTimeOffset.UtcNow + wait)}"));
                }, Max(TimeSpan.Zero, _options.RetryBudget - Elapsed(started)), cancellationToken).ConfigureAwait(false);
            }
            catch (RateLimitWaitTooLongException ex)
            {
                string opens = UtcText(ex.OpensAt);
                string note = $"not sent: the {ex.Reason} opens at {opens}, in {ex.Wait.TotalSeconds:0}s, past the retry budget ({_options.RetryBudget.TotalSeconds:0}s)";
                Log(request, null, TimeSpan.Zero, null, attempt, note);
                throw new ChatApiException(Platform, ChatErrorKind.RateLimited, request.Method, request.Path, null, null, note, null, attempt - 1);
            }
        }

        /// <summary>
        /// Reads the body, decompressed, up to <see cref="ConnectionOptions.MaximumResponseSize"/>: a reply over it
        /// (a decompression bomb, a runaway list) is not read further, and one whose compression is broken is a reply
        /// that cannot be read, not a broken connection to retry.
        /// </summary>
        private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, ApiRequest request, int status, RateLimitState state, int attempt, CancellationToken cancellationToken)
        {
            try
            {
                return await BoundedBody.ReadAsync(response.Content, _options.MaximumResponseSize, cancellationToken).ConfigureAwait(false);
            }
            catch (BoundedBody.TooLargeException ex)
            {
                throw new ChatApiException(Platform, ChatErrorKind.ResponseTooLarge, request.Method, request.Path, status, null,
                    $"the reply is larger than {_options.MaximumResponseSize} bytes{ex.Describe()} and was not read further (raise -MaximumResponseSize if it is expected)",
                    state, attempt);
            }
            catch (InvalidDataException ex)
            {
                string encoding = string.Join(", ", response.Content?.Headers.ContentEncoding ?? (System.Collections.Generic.IEnumerable<string>)Array.Empty<string>());
                throw new ChatApiException(Platform, ChatErrorKind.InvalidResponse, request.Method, request.Path, status, null,
                    Redact($"the body could not be decompressed{(encoding.Length > 0 ? " (Content-Encoding: " + encoding + ")" : string.Empty)}: {ex.Message}", request),
                    state, attempt, ex);
            }
        }

        private const int MaxRedirects = 5;

        /// <summary>
        /// Sends, following up to <see cref="MaxRedirects"/> redirects. The Authorization header goes only to the
        /// origin (scheme, host and port) the request was first sent to; an https→http redirect is not followed.
        /// </summary>
        private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(HttpRequestMessage first, ApiRequest request, CancellationToken cancellationToken)
        {
            var origin = first.RequestUri!;
            var message = first;
            for (int hop = 0; ; hop++)
            {
                _proxyAuth?.Prepare(message);
                // Headers only: the body is read by the caller, within the size cap.
                var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                var location = response.Headers.Location;
                bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
                if (!redirect || location is null) return response;

                var target = location.IsAbsoluteUri ? location : new Uri(message.RequestUri!, location);
                string? refusal =
                    hop >= MaxRedirects ? $"more than {MaxRedirects} redirects (a redirect loop?)"
                    : target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp ? $"a redirect to a '{target.Scheme}:' address (only http and https are followed)"
                    : message.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps ? "a redirect from https to plain http"
                    : null;
                if (refusal != null)
                {
                    response.Dispose();
                    if (!ReferenceEquals(message, first)) message.Dispose();
                    throw new ChatApiException(Platform, ChatErrorKind.InvalidResponse, request.Method, request.Path, status, null,
                        Redact("refused " + refusal + ": " + ChatApiException.Shorten(target.GetLeftPart(UriPartial.Path), 200), request));
                }

                // 307/308 repeat the request as it was; the others become a GET without a body (as browsers and HttpClient do).
                bool keepMethod = status == 307 || status == 308 || message.Method == HttpMethod.Get || message.Method == HttpMethod.Head;
                var next = new HttpRequestMessage(keepMethod ? message.Method : HttpMethod.Get, target);
                foreach (var header in message.Headers)
                    if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                        next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                if (SameOrigin(origin, target) && message.Headers.Authorization != null)
                    next.Headers.Authorization = message.Headers.Authorization;
                if (keepMethod && request.Content != null) next.Content = request.Content();

                Log(request, status, TimeSpan.Zero, null, 1, "redirected to " + (SameOrigin(origin, target) ? target.PathAndQuery : target.GetLeftPart(UriPartial.Path) + " (without credentials)"));
                response.Dispose();
                if (!ReferenceEquals(message, first)) message.Dispose();
                message = next;
            }
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

        private HttpRequestMessage BuildMessage(ApiRequest request)
        {
            var message = new HttpRequestMessage(request.Method, new Uri(BaseAddress, request.PathAndQuery));
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgentValue);
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            if (!string.IsNullOrWhiteSpace(_options.AcceptLanguage))
                message.Headers.TryAddWithoutValidation("Accept-Language", _options.AcceptLanguage);
            if (request.Authenticated && _token != null)
                message.Headers.Authorization = new AuthenticationHeaderValue(_protocol.AuthorizationScheme, _token.Reveal());
            if (request.Content != null) message.Content = request.Content();
            return message;
        }

        private void Log(ApiRequest request, int? status, TimeSpan elapsed, RateLimitState? state, int attempt, string? note)
        {
            // Redacting reveals the token and scans the text: not worth doing for a line nobody reads.
            if (!HttpDiagnostics.IsListening(_options.Log)) return;
            // Query values and server text are caller- or server-supplied and may contain the token.
            HttpDiagnostics.Write(new HttpLogEntry(Platform, request.Method.Method, Redact(request.PathAndQuery, request), status, elapsed, state, attempt,
                note is null ? null : Redact(note, request)), _options.Log);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        // A moment in a log line or message: UTC whatever the offset it came with, the same in every culture.
        private static string UtcText(DateTimeOffset moment) =>
            moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        private static TimeSpan Elapsed(long since) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - since) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

        private static bool NeverSent(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException se &&
                    (se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound ||
                     se.SocketErrorCode == SocketError.HostUnreachable || se.SocketErrorCode == SocketError.NetworkUnreachable))
                    return true;
                if (e is WebException we &&
                    (we.Status == WebExceptionStatus.ConnectFailure || we.Status == WebExceptionStatus.NameResolutionFailure))
                    return true;
            }
            return false;
        }

        private string Describe(AttemptOutcome outcome, Exception failure)
        {
            string detail = Innermost(failure).Message;
            return outcome switch
            {
                AttemptOutcome.Timeout => $"no response within {_options.Timeout.TotalSeconds:0.###}s",
                AttemptOutcome.NotSent => "could not connect to " + BaseAddress.Authority + ": " + detail,
                _ => "the connection failed: " + detail,
            };
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static string BuildUserAgent()
        {
            var assembly = typeof(HttpPipeline).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+');
            if (plus > 0) version = version.Substring(0, plus);
            return $"ChatPS/{version} ({RuntimeInformation.OSDescription.Trim()}; {RuntimeInformation.FrameworkDescription.Trim()})";
        }

        public void Dispose() => _http.Dispose();
    }
}
