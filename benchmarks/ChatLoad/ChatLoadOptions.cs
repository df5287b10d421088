using System.Globalization;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// Command line: --ours URL[,URL] (the API; a second URL is a second instance on the same
/// database), --bare URL (the bare hub), --db (the API's connection string), --signing-key,
/// --seconds per case (10), --warmup seconds of unrecorded load on every server first (15), --history stored messages for the history phase (0: skip), --cases
/// MEMBERS:RATE[xINSTANCES],... to run only those cases (all of them otherwise), --ours-pids,
/// --bare-pid, --postgres-pid to report the CPU each server used per case, --client the path of
/// <c>client/case.mjs</c> (its packages installed).
/// </summary>
internal sealed record ChatLoadOptions(IReadOnlyList<Uri> Ours, Uri Bare, string Database, string SigningKey, int Seconds, int Warmup, int History, IReadOnlyList<LoadCase>? Cases, CpuMeter OursCpu, CpuMeter BareCpu, CpuMeter DatabaseCpu, string Client)
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
            values["ours"].Split(',').Select(url => new Uri(url)).ToList(),
            new Uri(values["bare"]),
            values["db"],
            values["signing-key"],
            Int("seconds", 10),
            Int("warmup", 15),
            Int("history", 0),
            values.TryGetValue("cases", out var cases) ? cases.Split(',').Select(LoadCase.Parse).ToList() : null,
            Meter("ours-pids", withChildren: false),
            Meter("bare-pid", withChildren: false),
            Meter("postgres-pid", withChildren: true),
            values["client"]);

        CpuMeter Meter(string name, bool withChildren) => values.TryGetValue(name, out var pids)
            ? new CpuMeter(pids.Split(',').Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).ToList(), withChildren)
            : CpuMeter.None;
    }
}
