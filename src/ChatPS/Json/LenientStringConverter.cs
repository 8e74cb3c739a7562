using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>
    /// Reads strings, and also numbers and booleans as their JSON text. KOOK sends some ids as numbers
    /// (role ids in <c>roles</c>), and ids must stay strings: snowflakes exceed a double's precision.
    /// </summary>
    internal sealed class LenientStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    throw new JsonException($"Expected a string, found {reader.TokenType}.");
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
