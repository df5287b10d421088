using ChatPlatform.Application.Auth.Commands.Login;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>A password login answers 200 with the token pair, or 202 with the two-factor challenge.</summary>
internal static class LoginResponse
{
    public static IActionResult From(HttpResponse response, LoginResult result, bool useCookie) =>
        result.Challenge is { } challenge
            ? new AcceptedResult((string?)null, challenge)
            : new OkObjectResult(RefreshTokenCookie.Deliver(response, result.Tokens!, useCookie));
}
