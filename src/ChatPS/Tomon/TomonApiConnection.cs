using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Tomon
{
    /// <summary>Sends Tomon requests through the shared pipeline and reads plain JSON replies.</summary>
    internal sealed class TomonApiConnection
    {
        public TomonApiConnection(HttpPipeline pipeline) => Pipeline = pipeline;

        public HttpPipeline Pipeline { get; }

        /// <summary>Sends the request and converts the body to <typeparamref name="T"/>.</summary>
        public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : class
        {
            // An empty reply of the expected shape: reading it builds the model's contract while the request is out.
            ChatJson.Prepare<T>(typeof(T).IsArray ? "[{}]" : "{}");
            var response = await Pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // One pass when the body has the expected shape; otherwise the document path builds the precise error.
            if (ChatJson.TryDeserialize(response.Body, out T value)) return value;
            using var document = ChatJson.Parse(response, ChatPlatform.Tomon, text => Pipeline.Redact(text, request));
            return ChatJson.Convert<T>(document.RootElement, response, ChatPlatform.Tomon, text => Pipeline.Redact(text, request));
        }

        /// <summary>Sends the request and returns the body as JSON (default for an empty body, as after 204).</summary>
        public async Task<JsonElement> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
            (await SendForReplyAsync(request, cancellationToken).ConfigureAwait(false)).Body;

        /// <summary>Sends the request and returns the body as JSON with the response it came in, for <see cref="Convert{T}"/>.</summary>
        public async Task<(JsonElement Body, ApiResponse Response)> SendForReplyAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            var response = await Pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Body.Length == 0) return (default, response);
            using var document = ChatJson.Parse(response, ChatPlatform.Tomon, text => Pipeline.Redact(text, request));
            return (document.RootElement.Clone(), response);
        }

        /// <summary>
        /// Converts part of a reply to <typeparamref name="T"/>; a part of the wrong shape (a field of another type, a
        /// number out of range) becomes the same <see cref="ChatResponseFormatException"/> the typed calls give.
        /// </summary>
        public T Convert<T>(JsonElement element, ApiResponse response) =>
            ChatJson.Convert<T>(element, response, ChatPlatform.Tomon, text => Pipeline.Redact(text, response.Request));
    }
}
