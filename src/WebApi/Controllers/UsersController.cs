using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Commands.ChangePassword;
using ChatPlatform.Application.Users.Commands.ConfirmTwoFactor;
using ChatPlatform.Application.Users.Commands.DisableTwoFactor;
using ChatPlatform.Application.Users.Commands.EnableTwoFactor;
using ChatPlatform.Application.Users.Commands.LockUser;
using ChatPlatform.Application.Users.Commands.LogoutUser;
using ChatPlatform.Application.Users.Commands.ResendEmailConfirmation;
using ChatPlatform.Application.Users.Commands.ResetTwoFactor;
using ChatPlatform.Application.Users.Commands.RevokeMySession;
using ChatPlatform.Application.Users.Commands.SetUserRoles;
using ChatPlatform.Application.Users.Commands.UnlockUser;
using ChatPlatform.Application.Users.Commands.UpdateMe;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Application.Users.Queries.GetMe;
using ChatPlatform.Application.Users.Queries.GetMySessions;
using ChatPlatform.Application.Users.Queries.GetUser;
using ChatPlatform.Application.Users.Queries.GetUsers;
using ChatPlatform.Application.Users.Queries.GetUserSessions;
using ChatPlatform.Domain.Roles;
using ChatPlatform.WebApi.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/users")]
[Authorize]
public sealed class UsersController(IMediator mediator) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    [HttpGet("me")]
    public async Task<ActionResult<UserDto>> GetMe(CancellationToken cancellationToken) =>
        await mediator.Send(new GetMeQuery(), cancellationToken);

    [HttpPut("me")]
    public async Task<ActionResult<UserDto>> UpdateMe(UpdateMeCommand command, CancellationToken cancellationToken) =>
        await mediator.Send(command, cancellationToken);

    [HttpPut("me/password")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ChangePassword(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return NoContent();
    }

    /// <summary>Emails a new confirmation code to the caller's address; the one before stops working.</summary>
    [HttpPost("me/email/resend"), UserLimit(UserRateLimits.Email)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ResendEmailConfirmation(CancellationToken cancellationToken)
    {
        await mediator.Send(new ResendEmailConfirmationCommand(), cancellationToken);
        return Accepted();
    }

    [HttpPost("me/2fa/enable"), UserLimit(UserRateLimits.Email)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> EnableTwoFactor(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return Accepted();
    }

    [HttpPost("me/2fa/confirm")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ConfirmTwoFactor(ConfirmTwoFactorCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return NoContent();
    }

    [HttpPost("me/2fa/disable")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DisableTwoFactor(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return NoContent();
    }

    [HttpGet("me/sessions")]
    public async Task<ActionResult<IReadOnlyList<SessionDto>>> GetMySessions(CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetMySessionsQuery(), cancellationToken));

    [HttpDelete("me/sessions/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> RevokeMySession(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeMySessionCommand(id), cancellationToken);
        return NoContent();
    }

    [HttpGet, Authorize(Policy = SystemPermissions.UsersRead)]
    public async Task<ActionResult<PagedList<UserDto>>> List(
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = PagedList<UserDto>.DefaultPageSize,
        [FromQuery] string? search = null,
        CancellationToken cancellationToken = default) =>
        await mediator.Send(new GetUsersQuery(page, pageSize, search), cancellationToken);

    [HttpGet("{id:guid}"), Authorize(Policy = SystemPermissions.UsersRead)]
    public async Task<ActionResult<UserDto>> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetUserQuery(id), cancellationToken);

    [HttpPut("{id:guid}/roles"), Authorize(Policy = SystemPermissions.UsersManage)]
    public async Task<ActionResult<UserDto>> SetRoles(Guid id, SetUserRolesRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new SetUserRolesCommand(id, request.Roles), cancellationToken);

    [HttpPost("{id:guid}/lock"), Authorize(Policy = SystemPermissions.UsersManage)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Lock(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new LockUserCommand(id), cancellationToken);
        return NoContent();
    }

    [HttpPost("{id:guid}/unlock"), Authorize(Policy = SystemPermissions.UsersManage)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new UnlockUserCommand(id), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:guid}/sessions"), Authorize(Policy = SystemPermissions.UsersRead)]
    [ProducesResponseType<IReadOnlyList<SessionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<IReadOnlyList<SessionDto>>> GetSessions(Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetUserSessionsQuery(id), cancellationToken));

    /// <summary>Signs the user out everywhere; an admin only by an admin.</summary>
    [HttpPost("{id:guid}/logout"), Authorize(Policy = SystemPermissions.UsersManage)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Logout(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutUserCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Turns the user's two-factor off and emails them a notice; an admin's only by an admin.</summary>
    [HttpPost("{id:guid}/2fa/reset"), Authorize(Policy = SystemPermissions.UsersManage)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new ResetTwoFactorCommand(id), cancellationToken);
        return NoContent();
    }
}
