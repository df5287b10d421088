using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>Starts sessions and issues the token pairs of the login, two-factor and refresh use cases.</summary>
internal sealed class SessionTokens(IApplicationDbContext db, ITokenService tokens, TimeProvider clock)
{
    public async Task<TokenPairDto> StartAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = Session.Start(user.Id, now, tokens.SessionLifetime);
        db.Sessions.Add(session);
        var pair = Issue(user, session, now);
        await db.SaveChangesAsync(cancellationToken);
        return pair;
    }

    /// <summary>Adds a new refresh token of the session to the context; the caller saves.</summary>
    public TokenPairDto Issue(User user, Session session, DateTimeOffset now)
    {
        var roles = user.Roles.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        var access = tokens.CreateAccessToken(user, roles, session.Id);
        var refresh = tokens.CreateRefreshToken();
        var stored = RefreshToken.Issue(session, refresh.Hash, now, tokens.RefreshTokenLifetime);
        db.RefreshTokens.Add(stored);

        return new TokenPairDto(
            "Bearer",
            access.Token,
            Seconds(access.ExpiresAt - now),
            refresh.Token,
            Seconds(stored.ExpiresAt - now),
            new TokenUserDto(user.Id, user.UserName, roles));
    }

    // Token expiries are whole seconds; round up so a fresh 15-minute token reports 900.
    private static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);
}
