using ChatPlatform.Application.Auth.Commands.ConfirmEmail;
using ChatPlatform.Application.Auth.Commands.ForgotPassword;
using ChatPlatform.Application.Auth.Commands.Login;
using ChatPlatform.Application.Auth.Commands.LoginTwoFactor;
using ChatPlatform.Application.Auth.Commands.Logout;
using ChatPlatform.Application.Auth.Commands.LogoutAll;
using ChatPlatform.Application.Auth.Commands.Refresh;
using ChatPlatform.Application.Auth.Commands.Register;
using ChatPlatform.Application.Auth.Commands.ResetPassword;
using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Auth.Queries.HasPermission;
using ChatPlatform.Application.Auth.Queries.HasRole;
using ChatPlatform.Application.Auth.Queries.VerifyToken;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.WebApi.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/auth")]
public sealed class AuthController(IMediator mediator) : ControllerBase
{
    [HttpPost("register"), AllowAnonymous, EnableRateLimiting(RateLimitPolicies.Register)]
    [ProducesResponseType<UserDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<UserDto>> Register(RegisterCommand command, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(command, cancellationToken);
        return Created(Url.Action(nameof(UsersController.Get), "Users", new { id = user.Id }), user);
    }

    [HttpPost("login"), AllowAnonymous, EnableRateLimiting(RateLimitPolicies.Login)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<TokenPairDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<TwoFactorChallengeDto>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Login(LoginCommand command, [FromQuery] bool useCookie, CancellationToken cancellationToken) =>
        LoginResponse.From(Response, await mediator.Send(command, cancellationToken), useCookie);

    [HttpPost("login/2fa"), AllowAnonymous, EnableRateLimiting(RateLimitPolicies.Login)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<ActionResult<TokenPairDto>> LoginTwoFactor(
        LoginTwoFactorCommand command, [FromQuery] bool useCookie, CancellationToken cancellationToken) =>
        RefreshTokenCookie.Deliver(Response, await mediator.Send(command, cancellationToken), useCookie);

    /// <remarks>
    /// A refresh token taken from the cookie is always answered in cookie mode, whatever
    /// <paramref name="useCookie"/> says, so a script on the page never sees a cookie-held token.
    /// </remarks>
    /// <summary>Emails a password reset code when an account has the address; the answer is the same either way.</summary>
    [HttpPost("password/forgot"), AllowAnonymous]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ForgotPassword(
        ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        if (!await EmailAddressLimit.TryAcquireAsync(HttpContext, command.Email))
        {
            return new EmptyResult();
        }

        await mediator.Send(command, cancellationToken);
        return Accepted();
    }

    /// <summary>Sets a new password with the emailed code; every session of the account ends.</summary>
    [HttpPost("password/reset"), AllowAnonymous, EnableRateLimiting(RateLimitPolicies.Login)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ResetPassword(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return NoContent();
    }

    /// <summary>Confirms the account's email address with the emailed code.</summary>
    [HttpPost("email/confirm"), AllowAnonymous, EnableRateLimiting(RateLimitPolicies.Login)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return NoContent();
    }

    [HttpPost("refresh"), AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<ActionResult<TokenPairDto>> Refresh(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RefreshCommand? command,
        [FromQuery] bool useCookie,
        CancellationToken cancellationToken)
    {
        var fromBody = command?.RefreshToken;
        var pair = await mediator.Send(new RefreshCommand(fromBody ?? RefreshTokenCookie.Read(Request)), cancellationToken);
        return RefreshTokenCookie.Deliver(Response, pair, useCookie || fromBody is null);
    }

    [HttpPost("verify"), AllowAnonymous]
    public async Task<ActionResult<VerifyTokenResult>> Verify(VerifyTokenQuery query, CancellationToken cancellationToken) =>
        await mediator.Send(query, cancellationToken);

    [HttpPost("logout"), Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LogoutCommand? command, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(command?.RefreshToken ?? RefreshTokenCookie.Read(Request)), cancellationToken);
        RefreshTokenCookie.Clear(Response);
        return NoContent();
    }

    [HttpPost("logout-all"), Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> LogoutAll(CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutAllCommand(), cancellationToken);
        RefreshTokenCookie.Clear(Response);
        return NoContent();
    }

    [HttpGet("has-role/{role}"), Authorize]
    public async Task<ActionResult<HasRoleResult>> HasRole(string role, CancellationToken cancellationToken) =>
        await mediator.Send(new HasRoleQuery(role), cancellationToken);

    [HttpGet("has-permission/{permission}"), Authorize]
    public async Task<ActionResult<HasPermissionResult>> HasPermission(string permission, CancellationToken cancellationToken) =>
        await mediator.Send(new HasPermissionQuery(permission), cancellationToken);
}
