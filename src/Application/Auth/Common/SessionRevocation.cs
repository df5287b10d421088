using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>
/// Ends sessions early. The revocation travels on the bus with the commit that stores it, so
/// every API instance refuses the sessions' tokens from its in-memory revocation list.
/// </summary>
internal sealed class SessionRevocation(
    IApplicationDbContext db, ITokenService tokens, IEventBus bus, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// A spent refresh token came back: whoever presented it, a thief may hold the family, so the
    /// whole session dies and the event is recorded against its owner.
    /// </summary>
    public async Task RevokeOnReuseAsync(Session session, CancellationToken cancellationToken)
    {
        var owner = await db.Users.Where(u => u.Id == session.UserId).Select(u => new AuditParty(u.Id, u.UserName)).SingleAsync(cancellationToken);
        audit.Add(AuditEventTypes.RefreshReuseDetected, null, owner, new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() });
        await RevokeAsync(session.UserId, [session], RevocationReasons.RefreshTokenReuse, null, cancellationToken);
    }

    /// <summary>Revokes the given sessions of one user and, optionally, the access token presented by that user.</summary>
    public Task RevokeAsync(
        Guid userId,
        IReadOnlyCollection<Session> sessions,
        string reason,
        AccessTokenReference? accessToken,
        CancellationToken cancellationToken) =>
        CommitAsync([userId], sessions, reason, accessToken, cancellationToken);

    /// <summary>Revokes every session of the user that may still have live tokens, except <paramref name="keep"/>.</summary>
    public async Task RevokeAllAsync(
        Guid userId, string reason, AccessTokenReference? accessToken, Guid? keep, CancellationToken cancellationToken) =>
        await CommitAsync([userId], await LiveSessionsAsync([userId], keep, cancellationToken), reason, accessToken, cancellationToken);

    /// <summary>Revokes every live session of all these users with one query and one save.</summary>
    public async Task RevokeAllAsync(IReadOnlyCollection<Guid> userIds, string reason, CancellationToken cancellationToken) =>
        await CommitAsync(userIds, await LiveSessionsAsync(userIds, keep: null, cancellationToken), reason, null, cancellationToken);

    private async Task<List<Session>> LiveSessionsAsync(IReadOnlyCollection<Guid> userIds, Guid? keep, CancellationToken cancellationToken)
    {
        var liveSince = clock.GetUtcNow() - tokens.AccessTokenLifetime;
        return await db.Sessions
            .Where(s => userIds.Contains(s.UserId) && s.RevokedAt == null && s.ExpiresAt > liveSince && s.Id != keep)
            .ToListAsync(cancellationToken);
    }

    /// <param name="accessToken">Only ever the token of a single user's own request, so it belongs to that user.</param>
    private async Task CommitAsync(
        IReadOnlyCollection<Guid> userIds,
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
            db.RevokedAccessTokens.Add(RevokedAccessToken.For(accessToken.TokenId, userIds.Single(), accessToken.ExpiresAt));
        }

        // No access token of these sessions can outlive one access lifetime from now.
        var until = now + tokens.AccessTokenLifetime;
        if (accessToken is not null && accessToken.ExpiresAt > until)
        {
            until = accessToken.ExpiresAt;
        }

        foreach (var userId in userIds)
        {
            var revoked = sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToList();
            bus.Enqueue(new SessionsRevoked(new Revocation(userId, revoked, accessToken?.TokenId, until)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException e) when (accessToken is not null && e.Code == ErrorCodes.TokenRevoked)
        {
            // The same token's revocation committed a moment ago (a double click): it holds, and was published then.
        }
    }
}
