using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>KOOK timestamps: milliseconds since the Unix epoch, as a number or numeric string; 0 means "not set".</summary>
    public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
    {
        // What DateTimeOffset.FromUnixTimeMilliseconds accepts: 0001-01-01 to 9999-12-31.
        private const long MinMilliseconds = -62135596800000;
        private const long MaxMilliseconds = 253402300799999;

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
                case JsonTokenType.Number when reader.TryGetDouble(out double d) && d >= MinMilliseconds && d <= MaxMilliseconds:
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
            // Microseconds, or any number past the year 9999, is not a KOOK time: a reply that cannot be read.
            if (ms > MaxMilliseconds) throw new JsonException($"{ms} is not a time in epoch milliseconds (after the year 9999).");
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
