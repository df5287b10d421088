using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>Starts sessions and issues the token pairs of the login, two-factor and refresh use cases.</summary>
internal sealed class SessionTokens(
    IApplicationDbContext db, ITokenService tokens, IClientInfo client, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>A login succeeded: starts its session on the client's device, records the login, and issues the first pair.</summary>
    public async Task<TokenPairDto> StartAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = Session.Start(user.Id, now, tokens.SessionLifetime, client.UserAgent, client.IpAddress);
        db.Sessions.Add(session);
        audit.Add(
            AuditEventTypes.LoginSucceeded,
            AuditParty.Of(user),
            AuditParty.Of(user),
            new Dictionary<string, string> { ["sessionId"] = session.Id.ToString(), ["twoFactor"] = user.TwoFactorEnabled ? "true" : "false" });
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
