using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>
/// Ends sessions early. The change is committed first, then published so that every API
/// instance refuses the sessions' tokens from its in-memory revocation list.
/// </summary>
internal sealed class SessionRevocation(
    IApplicationDbContext db, ITokenService tokens, IRevocationPublisher publisher, TimeProvider clock)
{
    public async Task RevokeAsync(
        Guid userId,
        IReadOnlyCollection<Session> sessions,
        string reason,
        AccessTokenReference? accessToken,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var session in sessions)
        {
            session.Revoke(now, reason);
        }

        if (accessToken is not null)
        {
            db.RevokedAccessTokens.Add(RevokedAccessToken.For(accessToken.TokenId, userId, accessToken.ExpiresAt));
        }

        await db.SaveChangesAsync(cancellationToken);

        // No access token of these sessions can outlive one access lifetime from now.
        var until = now + tokens.AccessTokenLifetime;
        if (accessToken is not null && accessToken.ExpiresAt > until)
        {
            until = accessToken.ExpiresAt;
        }

        var revocation = new Revocation(userId, sessions.Select(s => s.Id).ToList(), accessToken?.TokenId, until);
        await publisher.PublishAsync(revocation, cancellationToken);
    }

    /// <summary>Revokes every session of the user that may still have live tokens, except <paramref name="keep"/>.</summary>
    public async Task RevokeAllAsync(
        Guid userId, string reason, AccessTokenReference? accessToken, Guid? keep, CancellationToken cancellationToken)
    {
        var liveSince = clock.GetUtcNow() - tokens.AccessTokenLifetime;
        var sessions = await db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > liveSince && s.Id != keep)
            .ToListAsync(cancellationToken);
        await RevokeAsync(userId, sessions, reason, accessToken, cancellationToken);
    }
}
