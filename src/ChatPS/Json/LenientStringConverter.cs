using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>
    /// Reads strings, and also numbers and booleans as their JSON text (apply with <c>[JsonConverter]</c>). KOOK sends some ids as numbers
    /// (role ids in <c>roles</c>), and ids must stay strings: snowflakes exceed a double's precision.
    /// </summary>
    public sealed class LenientStringConverter : JsonConverter<string>
    {
        /// <inheritdoc />
        public override bool HandleNull => false;

        /// <inheritdoc />
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

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>An array of ids that may arrive as numbers (KOOK's <c>roles</c>), read as strings.</summary>
    public sealed class LenientStringArrayConverter : JsonConverter<string[]?>
    {
        private static readonly LenientStringConverter Item = new LenientStringConverter();

        /// <inheritdoc />
        public override bool HandleNull => true;

        /// <inheritdoc />
        public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Expected an array, found {reader.TokenType}.");
            var items = new System.Collections.Generic.List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                items.Add(Item.Read(ref reader, typeof(string), options) ?? string.Empty);
            return items.ToArray();
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, string[]? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }
}
