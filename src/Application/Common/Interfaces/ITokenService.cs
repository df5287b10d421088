using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>Issues and checks the platform's tokens.</summary>
public interface ITokenService
{
    TimeSpan AccessTokenLifetime { get; }
    TimeSpan RefreshTokenLifetime { get; }
    TimeSpan SessionLifetime { get; }

    IssuedAccessToken CreateAccessToken(User user, IEnumerable<string> roles, Guid sessionId);

    /// <summary>A new opaque refresh token and the hash under which it is stored.</summary>
    IssuedRefreshToken CreateRefreshToken();

    string HashRefreshToken(string refreshToken);

    /// <summary>
    /// Validates an access token exactly as bearer authentication does, revocation included. It
    /// takes no cancellation token because it does no I/O: the signing key is configured, not
    /// fetched, and revocations are read from the instance's in-memory list (kept current by the
    /// bus); it is asynchronous only because the JWT handler's validation is.
    /// </summary>
    Task<AccessTokenCheck> CheckAccessTokenAsync(string token);
}
