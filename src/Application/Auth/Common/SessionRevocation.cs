using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>
/// Ends sessions early. The change is saved first, then published so that every API
/// instance refuses the sessions' tokens from its in-memory revocation list.
/// </summary>
internal sealed class SessionRevocation(
    IApplicationDbContext db, ITokenService tokens, IRevocationPublisher publisher, TimeProvider clock)
{
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

    /// <summary>
    /// Revokes every live session of all these users with one query and one save, without
    /// publishing: for a change inside a transaction, whose caller publishes the returned
    /// revocations after commit.
    /// </summary>
    public async Task<IReadOnlyList<Revocation>> StageAllAsync(IReadOnlyCollection<Guid> userIds, string reason, CancellationToken cancellationToken) =>
        await StageAsync(userIds, await LiveSessionsAsync(userIds, keep: null, cancellationToken), reason, null, cancellationToken);

    private async Task<List<Session>> LiveSessionsAsync(IReadOnlyCollection<Guid> userIds, Guid? keep, CancellationToken cancellationToken)
    {
        var liveSince = clock.GetUtcNow() - tokens.AccessTokenLifetime;
        return await db.Sessions
            .Where(s => userIds.Contains(s.UserId) && s.RevokedAt == null && s.ExpiresAt > liveSince && s.Id != keep)
            .ToListAsync(cancellationToken);
    }

    private async Task CommitAsync(
        IReadOnlyCollection<Guid> userIds,
        IReadOnlyCollection<Session> sessions,
        string reason,
        AccessTokenReference? accessToken,
        CancellationToken cancellationToken)
    {
        foreach (var entry in await StageAsync(userIds, sessions, reason, accessToken, cancellationToken))
        {
            await publisher.PublishAsync(entry, cancellationToken);
        }
    }

    /// <param name="accessToken">Only ever the token of a single user's own request, so it belongs to that user.</param>
    private async Task<IReadOnlyList<Revocation>> StageAsync(
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

        await db.SaveChangesAsync(cancellationToken);

        // No access token of these sessions can outlive one access lifetime from now.
        var until = now + tokens.AccessTokenLifetime;
        if (accessToken is not null && accessToken.ExpiresAt > until)
        {
            until = accessToken.ExpiresAt;
        }

        return userIds
            .Select(userId => new Revocation(userId, sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToList(), accessToken?.TokenId, until))
            .ToList();
    }
}
