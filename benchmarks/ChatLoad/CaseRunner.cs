using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// Runs one case against one server: members join one room, 10 of them send at a fixed total rate
/// for the given time without waiting for answers (as independent users would), then receipts of
/// every acknowledged message are awaited and checked.
/// </summary>
internal static class CaseRunner
{
    private static readonly TimeSpan AckGrace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);

    public static async Task<CaseResult> RunAsync(
        LoadCase loadCase, IReadOnlyList<Uri> servers, IReadOnlyList<string> senderTokens, TokenMint mint, string room, int seconds,
        CpuMeter serverCpu, CpuMeter databaseCpu)
    {
        var members = new Member[loadCase.Members];
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, loadCase.Members).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var token = i < LoadCase.Senders ? senderTokens[i] : mint.Mint($"listener{i}");
                    members[i] = await Member.JoinAsync(servers[i % loadCase.Instances], token, room);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var total = loadCase.Rate * seconds;
        var acknowledged = new ConcurrentDictionary<Guid, TimeSpan>();
        var ackLatenciesMs = new ConcurrentBag<double>();
        var failed = 0;
        var sends = new List<Task>(total);
        var (serverCpuAtStart, databaseCpuAtStart) = (serverCpu.Seconds(), databaseCpu.Seconds());
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / loadCase.Rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var sender = i % LoadCase.Senders;
            sends.Add(SendAsync(members[sender], Member.Content(sender, i)));
        }

        var window = clock.Elapsed + AckGrace;
        await Task.WhenAll(sends);
        var ids = acknowledged.Keys.ToHashSet();
        var drain = Stopwatch.StartNew();
        while (members.Sum(m => (long)m.ReceivedOf(ids)) < (long)ids.Count * members.Length && drain.Elapsed < DrainLimit)
        {
            await Task.Delay(100);
        }

        var (serverCpuUsed, databaseCpuUsed) = (serverCpu.Seconds() - serverCpuAtStart, databaseCpu.Seconds() - databaseCpuAtStart);
        var receipts = members.Sum(m => (long)m.ReceivedOf(ids));
        var latencies = members.SelectMany(m => m.LatenciesMs()).Order().ToArray();
        var result = new CaseResult(
            total,
            ids.Count,
            acknowledged.Values.Count(at => at <= window),
            failed,
            ids.Count == 0 ? 0 : 100.0 * receipts / ((double)ids.Count * members.Length),
            members.Sum(m => m.Duplicates),
            members.Sum(m => m.OutOfOrder),
            Percentile(latencies, 50),
            Percentile(latencies, 99),
            Percentile([.. ackLatenciesMs.Order()], 99),
            serverCpuUsed,
            databaseCpuUsed);

        await Task.WhenAll(members.Select(m => m.DisposeAsync().AsTask()));
        return result;

        async Task SendAsync(Member member, string content)
        {
            var start = clock.Elapsed;
            try
            {
                var message = await member.SendAsync(room, content);
                var at = clock.Elapsed;
                acknowledged[message.GetProperty("id").GetGuid()] = at;
                ackLatenciesMs.Add((at - start).TotalMilliseconds);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
