using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPS.Json;

namespace ChatPS.Http
{
    /// <summary>Builds JSON request bodies as content factories, so each attempt gets fresh content.</summary>
    public static class JsonBody
    {
        /// <summary>Serialises <paramref name="value"/> with <see cref="ChatJson.Options"/> (dictionary keys are sent as they are).</summary>
        public static Func<HttpContent> Of(object value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            var type = value.GetType();
            return () => JsonContent.Create(value, type, options: ChatJson.Options);
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
                var content = new ByteArrayContent(buffer.ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return content;
            };
        }
    }
}
