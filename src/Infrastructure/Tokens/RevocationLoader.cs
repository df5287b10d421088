using ChatPlatform.Application.Common.Models;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>Reads every live revocation from the tables into this instance's list: at start-up, and after the bus missed some.</summary>
internal sealed class RevocationLoader(
    IServiceScopeFactory scopes, RevocationList revocations, IOptions<JwtSettings> jwt, TimeProvider clock, ILogger<RevocationLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = jwt.Value.AccessTokenLifetime;
        var liveSince = now - lifetime;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.RevokedAt > liveSince)
            .Select(s => new { s.Id, s.UserId, s.RevokedAt })
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            revocations.Apply(new Revocation(session.UserId, [session.Id], null, session.RevokedAt!.Value + lifetime));
        }

        var tokens = await db.RevokedAccessTokens.AsNoTracking().Where(t => t.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            revocations.Apply(new Revocation(token.UserId, [], token.Jti, token.ExpiresAt));
        }

        logger.LogInformation("Loaded {SessionCount} revoked session(s) and {TokenCount} revoked access token(s)", sessions.Count, tokens.Count);
    }
}
