using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The RFC 6750 challenge on every 401: the Bearer scheme, and <c>error="invalid_token"</c>
/// when a token was presented and refused.
/// </summary>
internal static class BearerChallenge
{
    public static void Apply(HttpResponse response, string code, string description) =>
        response.Headers.WWWAuthenticate = code is ErrorCodes.TokenInvalid or ErrorCodes.TokenExpired or ErrorCodes.TokenRevoked
            ? $"Bearer error=\"invalid_token\", error_description=\"{description.Replace('"', '\'')}\""
            : "Bearer";
}
