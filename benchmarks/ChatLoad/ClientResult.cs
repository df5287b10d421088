namespace ChatPlatform.ChatLoad;

/// <summary>What <c>client/case.mjs</c> measured in one case, as it prints it.</summary>
internal sealed record ClientResult(
    int Sent, int Acknowledged, int AcknowledgedInTime, int Failed, double DeliveredPercent, int Duplicates, int OutOfOrder, double P50Ms, double P99Ms, double AckP99Ms, double ClientCpuSeconds);
