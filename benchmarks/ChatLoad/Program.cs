using System.Globalization;
using ChatPlatform.ChatLoad;

// Chat load, the same cases against the bare SignalR hub and against the API, in one run: per case,
// delivered share of acknowledged messages, duplicates, order, and send-to-receipt latency.
var options = ChatLoadOptions.Parse(args);
var run = Guid.NewGuid().ToString("N")[..6];
var mint = new TokenMint(options.SigningKey);
using var api = new Api(options.Ours[0]);

Console.WriteLine($"Signing in {LoadCase.Senders} senders...");
var senders = await Task.WhenAll(Enumerable.Range(0, LoadCase.Senders).Select(i => api.SignInAsync($"sender{i}_{run}")));

List<LoadCase> cases = [new(100, 100, 1), new(100, 500, 1), new(100, 2000, 1), new(1000, 100, 1)];
if (options.Ours.Count > 1)
{
    cases.Add(new LoadCase(100, 500, 2));
}

if (options.Cases is { } chosen)
{
    cases = [.. chosen];
}

// Unrecorded load first, so both servers (and both API instances) run their optimised code when
// measured: the API has far more code to re-JIT than the bare hub, and a profile of a cold first
// case showed a fifth of the API's CPU in the JIT.
if (options.Warmup > 0)
{
    Console.WriteLine($"Warming up every server for {options.Warmup} s (not recorded)...");
    var warmupRoom = $"warmup_{run}";
    await api.CreateRoomAsync(senders[0], warmupRoom);
    await CaseRunner.RunAsync(options.Client, new LoadCase(100, 500, 1), [options.Bare], senders, mint, warmupRoom, options.Warmup, CpuMeter.None, CpuMeter.None);
    await CaseRunner.RunAsync(options.Client, new LoadCase(100, 500, options.Ours.Count), options.Ours, senders, mint, warmupRoom, options.Warmup, CpuMeter.None, CpuMeter.None);
}

var oursByCase = new Dictionary<LoadCase, CaseResult>();
Console.WriteLine($"{options.Seconds} s per case, {LoadCase.Senders} senders, one room per case.");
foreach (var (loadCase, index) in cases.Select((c, i) => (c, i)))
{
    var room = $"load{index}_{run}";
    await api.CreateRoomAsync(senders[0], room);
    Console.WriteLine();
    Console.WriteLine($"## {loadCase} (members : total msg/s)");

    CaseResult? bare = null;
    if (loadCase.Instances == 1)
    {
        bare = await CaseRunner.RunAsync(options.Client, loadCase, [options.Bare], senders, mint, room, options.Seconds, options.BareCpu, CpuMeter.None);
        Console.WriteLine(bare.Row("bare hub"));
    }

    var ours = await CaseRunner.RunAsync(options.Client, loadCase, options.Ours, senders, mint, room, options.Seconds, options.OursCpu, options.DatabaseCpu);
    oursByCase[loadCase] = ours;
    Console.WriteLine(ours.Row("ours"));
    var reference = bare ?? oursByCase.GetValueOrDefault(loadCase with { Instances = 1 });
    if (reference is not null)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"p99 ratio ours/{(bare is null ? "ours on one instance" : "bare")}: {ours.P99Ms / Math.Max(reference.P99Ms, 0.001):F2}"));
    }
}

if (options.History > 0)
{
    Console.WriteLine();
    await HistoryBenchmark.RunAsync(api, senders[0], options.Database, $"history_{run}", options.History);
}

return 0;
