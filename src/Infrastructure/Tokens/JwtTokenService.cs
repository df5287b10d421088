using System.Security.Cryptography;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.Infrastructure.Tokens;

internal sealed class JwtTokenService : ITokenService
{
    private const int RefreshTokenBytes = 32;

    private readonly JwtSettings _settings;
    private readonly TimeProvider _clock;
    private readonly IRevocationList _revocations;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    public JwtTokenService(IOptions<JwtSettings> settings, TimeProvider clock, IRevocationList revocations)
    {
        _settings = settings.Value;
        _clock = clock;
        _revocations = revocations;
        _credentials = new SigningCredentials(AccessTokenValidation.SigningKey(_settings), SecurityAlgorithms.HmacSha256);
        _validation = AccessTokenValidation.Parameters(_settings, clock);
    }

    public TimeSpan AccessTokenLifetime => _settings.AccessTokenLifetime;
    public TimeSpan RefreshTokenLifetime => _settings.RefreshTokenLifetime;
    public TimeSpan SessionLifetime => _settings.SessionLifetime;

    public IssuedAccessToken CreateAccessToken(User user, IEnumerable<string> roles, Guid sessionId)
    {
        var now = _clock.GetUtcNow();
        var expiresAt = now + _settings.AccessTokenLifetime;
        var tokenId = Guid.NewGuid().ToString("N");
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = AccessTokenClaims.TokenType,
            Issuer = _settings.Issuer,
            Audience = _settings.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = user.Id.ToString(),
                [AccessTokenClaims.Name] = user.UserName,
                [AccessTokenClaims.Role] = roles.ToArray(),
                [AccessTokenClaims.Session] = sessionId.ToString(),
                [AccessTokenClaims.TokenId] = tokenId,
            },
        };

        // JWT times are whole seconds: report the expiry the token really carries.
        var expiresInToken = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        return new IssuedAccessToken(_handler.CreateToken(descriptor), tokenId, expiresInToken);
    }

    public IssuedRefreshToken CreateRefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RefreshTokenBytes));
        return new IssuedRefreshToken(token, HashRefreshToken(token));
    }

    public string HashRefreshToken(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));

    public async Task<AccessTokenCheck> CheckAccessTokenAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
        {
            return AccessTokenCheck.Failed(result.Exception is SecurityTokenExpiredException ? ErrorCodes.TokenExpired : ErrorCodes.TokenInvalid);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!Guid.TryParse(jwt.GetPayloadValue<string>(AccessTokenClaims.Subject), out _)
            || !Guid.TryParse(jwt.GetPayloadValue<string>(AccessTokenClaims.Session), out var sessionId))
        {
            return AccessTokenCheck.Failed(ErrorCodes.TokenInvalid);
        }

        return _revocations.IsRevoked(sessionId, jwt.Id)
            ? AccessTokenCheck.Failed(ErrorCodes.TokenRevoked)
            : new AccessTokenCheck(null, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}
