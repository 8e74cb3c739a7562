using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatPS.Json;

namespace ChatPS.Http
{
    /// <summary>Builds JSON request bodies as content factories, so each attempt gets fresh content.</summary>
    public static class JsonBody
    {
        /// <summary>
        /// Serialises <paramref name="value"/> with <see cref="ChatJson.Options"/> (dictionary keys are sent as they are)
        /// to bytes, so the body goes out with a <c>Content-Length</c>. A streamed <c>JsonContent</c> does not know its
        /// length and is sent chunked, which strict servers and gateways refuse (411) or read as an empty body.
        /// </summary>
        public static Func<HttpContent> Of(object value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            var type = value.GetType();
            return () => Utf8(JsonSerializer.SerializeToUtf8Bytes(value, type, ChatJson.Options));
        }

        /// <summary>
        /// Writes the body with <paramref name="write"/> when the request is sent. For bodies carrying a
        /// secret: the plain text exists only while the bytes are produced, never in a kept object.
        /// </summary>
        public static Func<HttpContent> Write(Action<Utf8JsonWriter> write)
        {
            if (write is null) throw new ArgumentNullException(nameof(write));
            return () =>
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    write(writer);
                    writer.WriteEndObject();
                }
                return Utf8(buffer.ToArray());
            };
        }

        private static HttpContent Utf8(byte[] json)
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
    }
}
