using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatPS.Http;

namespace ChatPS.Json
{
    /// <summary>The serializer settings both platforms use: snake_case names, numbers accepted as strings, no exceptions escaping as raw <see cref="JsonException"/>.</summary>
    public static class ChatJson
    {
        /// <summary>Options for reading and writing API payloads.</summary>
        public static JsonSerializerOptions Options { get; } = Create();

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DictionaryKeyPolicy = null,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                // Compile-time metadata for the models (no reflection or emitted code on a fresh process's first
                // call); anything else, such as a caller's request body, falls back to reflection.
                TypeInfoResolver = JsonTypeInfoResolver.Combine(ChatJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            };
            // Names are matched exactly (both services send snake_case), and lenient string reading is applied only
            // to the properties known to arrive as numbers: a converter on every string costs every call.
            options.MakeReadOnly();
            return options;
        }

        /// <summary>Parses a response body; a body that is not JSON becomes a <see cref="ChatResponseFormatException"/> with a snippet.</summary>
        internal static JsonDocument Parse(ApiResponse response, ChatPlatform platform, Func<string, string> redact)
        {
            try
            {
                // JSON is UTF-8 (RFC 8259): a body that is not, anywhere, is refused here, so that no later read of a
                // string meets a byte it cannot transcode (System.Text.Json validates strings only when they are read).
                var payload = Payload(response.Body);
                StrictUtf8.GetCharCount(response.Body, response.Body.Length - payload.Length, payload.Length);
                return JsonDocument.Parse(payload);
            }
            catch (Exception ex) when (ex is JsonException || ex is DecoderFallbackException)
            {
                throw new ChatResponseFormatException(platform, response.Request.Method, response.Request.Path, response.StatusCode,
                    redact(response.Snippet()), response.Attempts, ex);
            }
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>
        /// The body without a UTF-8 byte order mark: JSON forbids one, but a gateway or a Windows-made reply may add it,
        /// and it says nothing wrong about the payload after it.
        /// </summary>
        internal static ReadOnlyMemory<byte> Payload(byte[] body) =>
            body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? new ReadOnlyMemory<byte>(body, 3, body.Length - 3) : body;

        /// <summary>
        /// Reads <typeparamref name="T"/> straight from <paramref name="body"/> in one pass, without building a document
        /// first. False when the body is not that shape; the caller then takes the document path, which says why.
        /// </summary>
        internal static bool TryDeserialize<T>(byte[] body, out T value) where T : class
        {
            value = null!;
            if (body.Length == 0) return false;
            try
            {
                var result = JsonSerializer.Deserialize<T>(Payload(body).Span, Options);
                if (result is null) return false;
                value = result;
                return true;
            }
            catch (Exception ex) when (IsShapeError(ex))
            {
                return false;
            }
        }

        /// <summary>
        /// Builds <typeparamref name="T"/>'s contract on the thread pool, once per process, by reading
        /// <paramref name="sample"/> (an empty reply of that shape) and discarding it. Called as a request goes out,
        /// so that the JIT work of a type's first read (tens of milliseconds, paid by every fresh process, e.g. a
        /// scheduled task's Connect-Kook) overlaps the round trip instead of following it. Later calls return at once.
        /// </summary>
        internal static void Prepare<T>(string sample) where T : class => Prepared<T>.Start(sample);

        /// <summary>
        /// Builds <typeparamref name="T"/>'s contract now, on the calling thread, by reading <paramref name="sample"/>; a
        /// later <see cref="Prepare{T}"/> then does nothing. For a thread that is itself a warm-up: a pool item
        /// compiling the same contract beside it would only compete with it, and with the I/O of a real request.
        /// </summary>
        /// <returns>Whether <paramref name="sample"/> was read as <typeparamref name="T"/>.</returns>
        internal static bool PrepareNow<T>(string sample) where T : class
        {
            Prepared<T>.Claim();
            return TryDeserialize(Encoding.UTF8.GetBytes(sample), out T _);
        }

        private static class Prepared<T> where T : class
        {
            private static int _started;

            public static bool Claim() => Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0;

            public static void Start(string sample)
            {
                if (!Claim()) return;
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    try
                    {
                        JsonSerializer.Deserialize<T>(sample, Options);
                    }
                    catch (Exception)
                    {
                        // Only a warm-up, on a pool thread where an escaping exception would end the process: the
                        // real reply is read, and any problem with the type reported, by the caller.
                    }
                }, null);
            }
        }

        /// <summary>What System.Text.Json throws for a payload that does not fit the type (as opposed to a bug).</summary>
        /// <remarks>
        /// A converter meeting a value out of its type's range (a date past the year 9999, a number past its type) may throw
        /// one of the others: the reply's fault all the same, and never to reach a script as a raw .NET exception.
        /// </remarks>
        internal static bool IsShapeError(Exception ex) =>
            ex is JsonException || ex is NotSupportedException || ex is InvalidOperationException ||
            ex is ArgumentException || ex is FormatException || ex is OverflowException;

        /// <summary>Converts a JSON element to <typeparamref name="T"/>; a payload of the wrong shape becomes a <see cref="ChatResponseFormatException"/>.</summary>
        internal static T Convert<T>(JsonElement element, ApiResponse response, ChatPlatform platform, Func<string, string> redact)
        {
            if (element.ValueKind == JsonValueKind.Undefined)
                throw new ChatResponseFormatException(platform, response.Request.Method, response.Request.Path, response.StatusCode,
                    redact($"unexpected shape for {typeof(T).Name} (the reply has no data): {response.Snippet()}"), response.Attempts);
            try
            {
                var value = element.Deserialize<T>(Options);
                if (value is null) throw new JsonException("The payload is null.");
                return value;
            }
            catch (Exception ex) when (IsShapeError(ex))
            {
                string text = JsonValues.RawText(element) ?? response.Snippet();
                if (text.Length > 200) text = text.Substring(0, 200) + "…";
                throw new ChatResponseFormatException(platform, response.Request.Method, response.Request.Path, response.StatusCode,
                    redact($"unexpected shape for {typeof(T).Name} ({ex.Message}): {text}"), response.Attempts, ex);
            }
        }
    }
}
