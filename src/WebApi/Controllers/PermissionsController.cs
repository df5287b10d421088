using ChatPlatform.Application.Roles.Commands.CreatePermission;
using ChatPlatform.Application.Roles.Commands.DeletePermission;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Application.Roles.Queries.GetPermission;
using ChatPlatform.Application.Roles.Queries.GetPermissions;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/permissions")]
[Authorize(Policy = SystemPermissions.RolesManage)]
public sealed class PermissionsController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<PermissionDto>>> List(CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetPermissionsQuery(), cancellationToken));

    [HttpPost]
    [ProducesResponseType<PermissionDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<PermissionDto>> Create(CreatePermissionCommand command, CancellationToken cancellationToken)
    {
        var permission = await mediator.Send(command, cancellationToken);
        return Created(Url.Action(nameof(Get), new { code = permission.Code }), permission);
    }

    [HttpGet("{code}")]
    [ProducesResponseType<PermissionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<PermissionDto>> Get(string code, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPermissionQuery(code), cancellationToken);

    [HttpDelete("{code}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string code, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeletePermissionCommand(code), cancellationToken);
        return NoContent();
    }
}
