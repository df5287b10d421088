using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Writes times as ISO-8601 UTC with a <c>Z</c>, as the contract asks, to the microsecond: what
/// PostgreSQL stores, so a resource answered on creation reads back with the same times.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture));
}
