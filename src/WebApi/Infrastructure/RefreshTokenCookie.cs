using ChatPlatform.Application.Auth.Common;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Cookie mode for browser SPAs: the refresh token travels only in an HttpOnly cookie scoped
/// to the auth endpoints, never in a body that scripts can read.
/// </summary>
internal static class RefreshTokenCookie
{
    public const string Name = "refresh_token";
    private const string Path = "/api/auth";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    /// <summary>In cookie mode, moves the refresh token from the body into the cookie.</summary>
    public static TokenPairDto Deliver(HttpResponse response, TokenPairDto pair, bool useCookie)
    {
        if (!useCookie)
        {
            return pair;
        }

        response.Cookies.Append(Name, pair.RefreshToken!, Options(TimeSpan.FromSeconds(pair.RefreshExpiresIn)));
        return pair with { RefreshToken = null };
    }

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    private static CookieOptions Options(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
