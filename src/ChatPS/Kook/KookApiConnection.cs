using System;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Kook
{
    /// <summary>Sends KOOK requests through the shared pipeline and unwraps the <c>{code, message, data}</c> envelope.</summary>
    internal sealed class KookApiConnection
    {
        private readonly HttpPipeline _pipeline;

        public KookApiConnection(HttpPipeline pipeline) => _pipeline = pipeline;

        public HttpPipeline Pipeline => _pipeline;

        /// <summary>A reply with an empty payload: reading it builds the envelope's and the model's contracts.</summary>
        internal const string EmptyReply = "{\"code\":0,\"data\":{}}";

        /// <summary>Sends the request and returns the envelope's <c>data</c> (detached from the document).</summary>
        public async Task<JsonElement> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            using var document = Open(response, request, out var data);
            return data.ValueKind == JsonValueKind.Undefined ? default : data.Clone();
        }

        /// <summary>Sends the request and converts <c>data</c> to <typeparamref name="T"/>.</summary>
        public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : class
        {
            ChatJson.Prepare<KookEnvelope<T>>(EmptyReply);
            var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // The common case, code 0 with data of the expected shape, is read in one pass. Anything else (an error code,
            // a missing envelope, data of another shape) goes through the document, which builds the precise error.
            if (ChatJson.TryDeserialize(response.Body, out KookEnvelope<T> envelope) && envelope.Code == 0 && envelope.Data != null)
                return envelope.Data;
            using var document = Open(response, request, out var data);
            return ChatJson.Convert<T>(data, response, ChatPlatform.Kook, text => _pipeline.Redact(text, request));
        }

        /// <summary>
        /// Sends the request and checks the envelope now (an error code throws here, as does a reply without an object
        /// in <c>data</c>), but converts <c>data</c> to <typeparamref name="T"/> only when the result is first read. For a
        /// reply sent for its outcome, whose payload nobody may look at: a connect's token check. Converting a model is
        /// the largest part of a fresh process's first reply (its contract is compiled then), so a scheduled task that
        /// never reads the connection's user does not pay for it.
        /// </summary>
        public async Task<Lazy<T>> SendDeferredAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : class
        {
            var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            JsonElement data;
            using (Open(response, request, out var element)) data = element.ValueKind == JsonValueKind.Undefined ? default : element.Clone();
            Func<string, string> redact = text => _pipeline.Redact(text, request);
            // Anything but an object cannot be a model: reported now, with the precise error the eager path gives.
            if (data.ValueKind != JsonValueKind.Object)
            {
                var value = ChatJson.Convert<T>(data, response, ChatPlatform.Kook, redact);
                return new Lazy<T>(() => value);
            }
            return new Lazy<T>(() => ChatJson.Convert<T>(data, response, ChatPlatform.Kook, redact));
        }

        /// <summary>Parses the envelope, throws for <c>code != 0</c>, and points <paramref name="data"/> into the document.</summary>
        private JsonDocument Open(ApiResponse response, ApiRequest request, out JsonElement data)
        {
            var document = ChatJson.Parse(response, ChatPlatform.Kook, text => _pipeline.Redact(text, request));
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement) ||
                    !KookProtocol.TryGetCode(codeElement, out long code))
                    throw new ChatResponseFormatException(ChatPlatform.Kook, request.Method, request.Path, response.StatusCode,
                        _pipeline.Redact("not a KOOK envelope: " + response.Snippet(), request), response.Attempts);

                if (code != 0)
                {
                    string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? JsonValues.StringOf(m) : null;
                    var kind = KookProtocol.KindOfCode(code);
                    throw new ChatApiException(ChatPlatform.Kook, kind == ChatErrorKind.Unknown ? ChatErrorKind.InvalidArgument : kind,
                        request.Method, request.Path, response.StatusCode, code.ToString(CultureInfo.InvariantCulture),
                        message is null ? null : _pipeline.Redact(message, request), response.RateLimit, response.Attempts);
                }

                data = root.TryGetProperty("data", out var d) ? d : default;
                return document;
            }
            catch (InvalidOperationException ex)
            {
                // A name System.Text.Json cannot decode (a lone surrogate) met while looking up "code" or "data".
                document.Dispose();
                throw new ChatResponseFormatException(ChatPlatform.Kook, request.Method, request.Path, response.StatusCode,
                    _pipeline.Redact(response.Snippet(), request), response.Attempts, ex);
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
    }
}
