using ChatPlatform.Application.Roles.Commands.CreateRole;
using ChatPlatform.Application.Roles.Commands.DeleteRole;
using ChatPlatform.Application.Roles.Commands.UpdateRole;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Application.Roles.Queries.GetRole;
using ChatPlatform.Application.Roles.Queries.GetRoles;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/roles")]
[Authorize(Policy = SystemPermissions.RolesManage)]
public sealed class RolesController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<RoleDto>>> List(CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetRolesQuery(), cancellationToken));

    [HttpPost]
    [ProducesResponseType<RoleDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<RoleDto>> Create(CreateRoleCommand command, CancellationToken cancellationToken)
    {
        var role = await mediator.Send(command, cancellationToken);
        return Created(Url.Action(nameof(Get), new { name = role.Name }), role);
    }

    [HttpGet("{name}")]
    public async Task<ActionResult<RoleDto>> Get(string name, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRoleQuery(name), cancellationToken);

    [HttpPut("{name}")]
    public async Task<ActionResult<RoleDto>> Update(string name, UpdateRoleRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateRoleCommand(name, request.Description, request.Permissions), cancellationToken);

    [HttpDelete("{name}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string name, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteRoleCommand(name), cancellationToken);
        return NoContent();
    }
}
