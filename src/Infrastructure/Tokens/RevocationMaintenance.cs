using ChatPlatform.Infrastructure.Audit;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>
/// Purges revocation rows and sessions whose tokens have all expired, expired emailed codes
/// (two-factor, password reset, email confirmation) and audit events past their retention, and
/// prunes the in-memory list to match, so none grows without bound.
/// </summary>
internal sealed class RevocationMaintenance(
    IServiceScopeFactory scopes,
    RevocationList list,
    IOptions<JwtSettings> settings,
    IOptions<AuditSettings> audit,
    TimeProvider clock,
    ILogger<RevocationMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deadSince = now - settings.Value.AccessTokenLifetime;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var tokens = await db.RevokedAccessTokens.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.Sessions
            .Where(s => s.ExpiresAt <= deadSince || s.RevokedAt <= deadSince)
            .ExecuteDeleteAsync(cancellationToken);
        var codes = await db.TwoFactorCodes.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        codes += await db.AccountCodes.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var keptSince = now - audit.Value.Retention;
        var events = await db.AuditEvents.Where(e => e.At <= keptSince).ExecuteDeleteAsync(cancellationToken);
        list.Prune(now);

        if (tokens + sessions + codes + events > 0)
        {
            logger.LogInformation(
                "Purged {TokenCount} revoked access token(s), {SessionCount} ended session(s), {CodeCount} expired two-factor, reset or confirmation code(s) and {EventCount} audit event(s) past retention",
                tokens,
                sessions,
                codes,
                events);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging expired revocations failed; will retry");
            }
        }
    }
}
