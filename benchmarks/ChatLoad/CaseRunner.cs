using System.Diagnostics;
using System.Text.Json;

namespace ChatPlatform.ChatLoad;

/// <summary>
/// Runs one case against one server through <c>client/case.mjs</c> (the official SignalR
/// JavaScript client, one Node process, so the load takes at most one core from the servers), and
/// meters the servers' CPU from the first send until every receipt is in.
/// </summary>
internal static class CaseRunner
{
    public static async Task<CaseResult> RunAsync(
        string script, LoadCase loadCase, IReadOnlyList<Uri> servers, IReadOnlyList<string> senderTokens, TokenMint mint, string room, int seconds,
        CpuMeter serverCpu, CpuMeter databaseCpu)
    {
        var tokens = Enumerable.Range(0, loadCase.Members)
            .Select(i => i < LoadCase.Senders ? senderTokens[i] : mint.Mint($"listener{i}"))
            .ToList();
        var input = JsonSerializer.Serialize(new
        {
            servers = servers.Take(loadCase.Instances).Select(s => s.ToString()),
            tokens,
            room,
            rate = loadCase.Rate,
            seconds,
            senders = LoadCase.Senders,
        });

        using var client = Process.Start(new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        }) ?? throw new InvalidOperationException("node did not start");
        await client.StandardInput.WriteAsync(input);
        client.StandardInput.Close();

        await ExpectLineAsync(client, "sending");
        var (serverCpuAtStart, databaseCpuAtStart) = (serverCpu.Seconds(), databaseCpu.Seconds());
        await ExpectLineAsync(client, "drained");
        var (serverCpuUsed, databaseCpuUsed) = (serverCpu.Seconds() - serverCpuAtStart, databaseCpu.Seconds() - databaseCpuAtStart);
        var result = JsonSerializer.Deserialize<ClientResult>(await client.StandardOutput.ReadLineAsync() ?? "null", JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("the load client printed no result");
        await client.WaitForExitAsync();

        return new CaseResult(
            result.Sent,
            result.Acknowledged,
            result.AcknowledgedInTime,
            result.Failed,
            result.DeliveredPercent,
            result.Duplicates,
            result.OutOfOrder,
            result.P50Ms,
            result.P99Ms,
            result.AckP99Ms,
            serverCpuUsed,
            databaseCpuUsed,
            result.ClientCpuSeconds);
    }

    private static async Task ExpectLineAsync(Process client, string expected)
    {
        var line = await client.StandardOutput.ReadLineAsync();
        if (line != expected)
        {
            throw new InvalidOperationException($"The load client said \"{line}\", expected \"{expected}\" (exit code {(client.HasExited ? client.ExitCode : null)}).");
        }
    }
}
