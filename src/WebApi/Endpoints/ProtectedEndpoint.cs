using System.Security.Claims;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Endpoints;

/// <summary>
/// <c>GET /api/auth/protected</c>, the endpoint clients call to check their token. It is answered
/// from the validated token's claims alone, as a minimal-API endpoint: on this hottest path MVC
/// and MediatR cost about a quarter of the request (measured in docs/benchmarks.md).
/// </summary>
internal static class ProtectedEndpoint
{
    public const string Message = "You are authenticated.";

    public static IEndpointRouteBuilder MapProtectedEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/auth/protected", (ClaimsPrincipal user) => new ProtectedResult(Message, user.FindFirstValue(AccessTokenClaims.Name)!))
            .RequireAuthorization()
            .WithTags("Auth")
            .Produces<ProtectedResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
