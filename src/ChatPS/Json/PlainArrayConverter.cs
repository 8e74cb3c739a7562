using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>Reads a JSON array of unknown shape as plain .NET values (see <see cref="JsonValues.ToPlain"/>).</summary>
    public sealed class PlainArrayConverter : JsonConverter<object?[]?>
    {
        /// <inheritdoc />
        public override bool HandleNull => true;

        /// <inheritdoc />
        public override object?[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("Expected an array.");
            return (object?[])JsonValues.ToPlain(doc.RootElement)!;
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, object?[]? value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }
}
