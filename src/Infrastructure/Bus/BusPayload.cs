using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatPlatform.Application.Common.Events;

namespace ChatPlatform.Infrastructure.Bus;

/// <summary>
/// The text of a NOTIFY payload. An event is its JSON. A stored message is sent by the database
/// itself, which alone knows its sequence: <c>m{sequence}|{json}</c>, or <c>r{sequence}|{json}</c>
/// without the content when the whole would not fit NOTIFY's 8000 bytes (the receiver reads
/// the content from the table).
/// </summary>
internal static class BusPayload
{
    public const string Channel = "chatplatform_events";

    /// <summary>Room for the sequence prefix under NOTIFY's limit of 8000 bytes.</summary>
    private const int MaxBytes = 7900;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Payloads never reach HTML; raw UTF-8 keeps them small.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Encode(BusEvent busEvent)
    {
        var payload = JsonSerializer.Serialize(busEvent, Json);
        return Encoding.UTF8.GetByteCount(payload) <= MaxBytes
            ? payload
            : throw new InvalidOperationException($"A {busEvent.GetType().Name} event is too large for the bus.");
    }

    /// <summary>The payload of a message to be stored, less the sequence the database adds in front of it.</summary>
    public static string EncodeStoredMessage(MessageStored stored)
    {
        var full = "m" + JsonSerializer.Serialize<BusEvent>(stored, Json);
        return Encoding.UTF8.GetByteCount(full) <= MaxBytes
            ? full
            : "r" + JsonSerializer.Serialize<BusEvent>(stored with { Message = stored.Message with { Content = string.Empty } }, Json);
    }

    /// <summary>The event, and whether its message content must still be read from the table.</summary>
    public static (BusEvent Event, bool ContentMissing) Decode(string payload)
    {
        if (payload.Length > 0 && payload[0] is 'm' or 'r')
        {
            var bar = payload.IndexOf('|', StringComparison.Ordinal);
            var sequence = long.Parse(payload.AsSpan(1, bar - 1), CultureInfo.InvariantCulture);
            var stored = (MessageStored)Deserialize(payload[(bar + 1)..]);
            return (stored with { Message = stored.Message with { Sequence = sequence } }, payload[0] == 'r');
        }

        return (Deserialize(payload), false);
    }

    private static BusEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<BusEvent>(json, Json) ?? throw new JsonException("An empty bus event.");
}
