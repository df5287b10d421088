using ChatPlatform.Application.Common.Models;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>Maps token validation failures to the contract's error codes.</summary>
public static class TokenFailures
{
    public static string CodeFor(Exception? failure) => failure switch
    {
        TokenRevokedException => ErrorCodes.TokenRevoked,
        SecurityTokenExpiredException => ErrorCodes.TokenExpired,
        _ => ErrorCodes.TokenInvalid,
    };
}
