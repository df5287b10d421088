using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Ends hub connections whose token died: at once when a revocation is applied on this instance,
/// and by a sweep every second that also catches expiry by the application's clock.
/// </summary>
internal sealed class ChatConnectionWatch(
    IRevocationList revocations, ChatConnections connections, TimeProvider clock)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        revocations.Applied += OnRevoked;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        revocations.Applied -= OnRevoked;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is real time; what counts as expired is the application's clock.
        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            connections.CloseWhere(c => c.ExpiresAt <= now || revocations.IsRevoked(c.SessionId, c.TokenId));
        }
    }

    private void OnRevoked(Revocation revocation) => connections.Close(revocation);
}
