using ChatPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>Set once the database has been migrated and seeded and the in-memory state loaded; also the readiness check saying so.</summary>
internal sealed class DatabaseReadiness : IServiceReadiness, IHealthCheck
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database has not been reached yet."));
}
