using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

/// <summary>
/// <c>GET /api/auth/protected</c>, the call clients make to check their token, answered from its
/// validated claims. It is the hottest path, so its controller takes no services and the answer
/// skips MediatR and content negotiation (measured in docs/benchmarks.md). It binds no input, so it
/// goes without <c>[ApiController]</c>, whose model-state and client-error filters would run for
/// nothing on every call; it says itself that it belongs in the OpenAPI document.
/// </summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Route("api/auth")]
[Tags("Auth")]
public sealed class ProtectedController : ControllerBase
{
    public const string Message = "You are authenticated.";

    [HttpGet("protected"), Authorize]
    [ProducesResponseType<ProtectedResult>(StatusCodes.Status200OK)]
    public IResult Protected() => TypedResults.Ok(new ProtectedResult(Message, User.Identity!.Name!));
}
