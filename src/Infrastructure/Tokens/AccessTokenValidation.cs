using System.Text;
using ChatPlatform.Application.Common.Models;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>The one definition of what makes an access token valid, shared by bearer auth and /verify.</summary>
public static class AccessTokenValidation
{
    public static SymmetricSecurityKey SigningKey(JwtSettings settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey!)) { KeyId = "chatplatform-hs256" };

    public static TokenValidationParameters Parameters(JwtSettings settings, TimeProvider clock) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKey = SigningKey(settings),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidTypes = [AccessTokenClaims.TokenType],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = settings.ClockSkew,
        NameClaimType = AccessTokenClaims.Name,
        RoleClaimType = AccessTokenClaims.Role,

        // Lifetime is judged by the application's clock, so tests can move time instead of sleeping.
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (expires is null)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            }

            if (notBefore is { } nbf && nbf > now + parameters.ClockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
            }

            if (expires.Value < now - parameters.ClockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            }

            return true;
        },
    };
}
