using ChatPlatform.Application.Audit.Queries.GetAuditEvents;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/audit")]
[Authorize(Policy = SystemPermissions.AuditRead)]
public sealed class AuditController(IMediator mediator) : ControllerBase
{
    /// <summary>Security events newest first; <c>userId</c> matches the actor or the subject; page back with <c>before</c> = <c>nextBefore</c>.</summary>
    [HttpGet]
    [ProducesResponseType<AuditPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<AuditPage>> List(
        [FromQuery] Guid? userId,
        [FromQuery] string? type,
        [FromQuery] Guid? before,
        [FromQuery] int limit = 50,
        CancellationToken cancellationToken = default) =>
        await mediator.Send(new GetAuditEventsQuery(userId, type, before, limit), cancellationToken);
}
