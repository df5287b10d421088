using ChatPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Common;

internal static class SessionQueries
{
    /// <summary>
    /// The user's sessions that can still go on: not revoked, not past their end, and holding an
    /// unspent refresh token that has not expired. Newest first; <paramref name="current"/> marks the caller's own.
    /// </summary>
    public static async Task<IReadOnlyList<SessionDto>> LiveSessionsAsync(
        this IApplicationDbContext db, Guid userId, Guid? current, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .Where(s => db.RefreshTokens.Any(t => t.SessionId == s.Id && t.UsedAt == null && t.ExpiresAt > now))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new SessionDto(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.UserAgent, s.IpAddress, s.Id == current))
            .ToListAsync(cancellationToken);
}
