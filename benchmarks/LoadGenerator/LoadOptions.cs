using System.Globalization;

namespace ChatPlatform.LoadGenerator;

/// <summary>Command line: <c>--url URL --token TOKEN [--concurrency N] [--duration S] [--warmup S]</c>.</summary>
public sealed record LoadOptions(Uri Url, string Token, int Concurrency, TimeSpan Duration, TimeSpan WarmUp)
{
    public const string Usage =
        "usage: LoadGenerator --url http://127.0.0.1:PORT/path --token TOKEN [--concurrency 32] [--duration 10] [--warmup 3]";

    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var url = new Uri(Required(values, "url"), UriKind.Absolute);

        // A load generator is a denial-of-service tool: keep it pointed at this machine.
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"'{url}' is not a loopback address");
        }

        return new LoadOptions(
            url,
            Required(values, "token"),
            Number(values, "concurrency", 32, 1, 1024),
            TimeSpan.FromSeconds(Number(values, "duration", 10, 1, (int)MaxDuration.TotalSeconds)),
            TimeSpan.FromSeconds(Number(values, "warmup", 3, 0, (int)MaxDuration.TotalSeconds)));
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required");

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}");
    }
}
