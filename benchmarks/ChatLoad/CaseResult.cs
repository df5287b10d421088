using System.Globalization;

namespace ChatPlatform.ChatLoad;

/// <summary>What one case measured against one server.</summary>
internal sealed record CaseResult(
    int Sent, int Acknowledged, int AcknowledgedInTime, int Failed, double DeliveredPercent, int Duplicates, int OutOfOrder, double P50Ms, double P99Ms, double AckP99Ms, double ServerCpuSeconds, double DatabaseCpuSeconds, double ClientCpuSeconds)
{
    public string Row(string server) => string.Create(
        CultureInfo.InvariantCulture,
        $"{server,-10} sent {Sent,6}  acked {Acknowledged,6} ({AcknowledgedInTime} in time, {Failed} failed)  delivered {DeliveredPercent,7:F2} %  dup {Duplicates}  out of order {OutOfOrder}  p50 {P50Ms,8:F1} ms  p99 {P99Ms,8:F1} ms  ack p99 {AckP99Ms,8:F1} ms  CPU server {ServerCpuSeconds:F1} s, database {DatabaseCpuSeconds:F1} s, load client {ClientCpuSeconds:F1} s");
}
