using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>Finds a presented refresh token by its hash and decides whether it may be used.</summary>
internal sealed class RefreshTokenLookup(
    IApplicationDbContext db, ITokenService tokens, SessionRevocation revocation, TimeProvider clock)
{
    /// <summary>
    /// Returns the token and its session when the token is live; otherwise throws the contract's
    /// 401. A spent token is reuse: with <paramref name="revokeOnReuse"/> its whole session dies.
    /// </summary>
    public async Task<RefreshTokenMatch> FindUsableAsync(string refreshToken, bool revokeOnReuse, CancellationToken cancellationToken)
    {
        var hash = tokens.HashRefreshToken(refreshToken);
        var match = await (
                from token in db.RefreshTokens
                join session in db.Sessions on token.SessionId equals session.Id
                where token.TokenHash == hash
                select new RefreshTokenMatch(token, session))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new AuthenticationFailedException(ErrorCodes.TokenInvalid, "The refresh token is not valid.");

        if (match.Session.IsRevoked)
        {
            throw new AuthenticationFailedException(ErrorCodes.TokenRevoked, "The refresh token has been revoked.");
        }

        if (match.Token.IsUsed)
        {
            if (revokeOnReuse)
            {
                await revocation.RevokeOnReuseAsync(match.Session, cancellationToken);
            }

            throw new AuthenticationFailedException(ErrorCodes.TokenRevoked, "The refresh token has already been used.");
        }

        var now = clock.GetUtcNow();
        if (match.Token.IsExpired(now) || match.Session.IsExpired(now))
        {
            throw new AuthenticationFailedException(ErrorCodes.TokenExpired, "The refresh token has expired.");
        }

        return match;
    }
}
