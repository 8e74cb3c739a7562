using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>KOOK timestamps: milliseconds since the Unix epoch, as a number or numeric string; 0 means "not set".</summary>
    public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
    {
        /// <inheritdoc />
        public override bool HandleNull => true;

        /// <inheritdoc />
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long ms;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number when reader.TryGetInt64(out ms):
                    break;
                case JsonTokenType.Number when reader.TryGetDouble(out double d):
                    ms = (long)d;
                    break;
                case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out ms):
                    break;
                case JsonTokenType.String when string.IsNullOrEmpty(reader.GetString()):
                    return null;
                default:
                    throw new JsonException($"Expected epoch milliseconds, found {reader.TokenType}.");
            }
            if (ms <= 0) return null;
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else writer.WriteNumberValue(value.Value.ToUnixTimeMilliseconds());
        }
    }
}
