using System.Globalization;

namespace ChatPlatform.ChatLoad;

/// <summary>Command line: --url, --db (connection string), --clients, --rate (messages/s), --seconds, --history (stored messages).</summary>
internal sealed record ChatLoadOptions(Uri Url, string Database, int Clients, int Rate, int Seconds, int History)
{
    public static ChatLoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        return new ChatLoadOptions(
            new Uri(values["url"]),
            values["db"],
            Int("clients", 100),
            Int("rate", 50),
            Int("seconds", 20),
            Int("history", 1_000_000));
    }
}
