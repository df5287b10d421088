using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;
using MediatR;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Application.Auth.Commands.Login;

/// <summary>Password login; <see cref="Username"/> may be a username or an email address.</summary>
public sealed record LoginCommand(string Username, string Password) : IRequest<LoginResult>;

internal sealed class LoginCommandHandler(
    IIdentityService identity, SessionTokens sessions, TwoFactorCodes codes, LoginRefusals refusals, IOptions<AccountSettings> settings)
    : IRequestHandler<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindByUserNameOrEmailAsync(request.Username, cancellationToken);
        var check = await identity.CheckPasswordAsync(user, request.Password, cancellationToken);
        switch (check.Result)
        {
            case PasswordCheckResult.LockedOut:
                await refusals.RecordAsync(user, LoginFailures.LockedOut, cancellationToken);
                throw new AccountLockedException(check.LockedUntil!.Value);
            case PasswordCheckResult.WrongPassword:
                // The name as typed is not recorded: people type their password into it by mistake.
                await refusals.RecordAsync(user, user is null ? LoginFailures.UnknownUser : LoginFailures.WrongPassword, cancellationToken);
                throw new AuthenticationFailedException(ErrorCodes.InvalidCredentials, "Invalid username or password.");
        }

        await refusals.EnsureNotLockedByAdminAsync(user!, cancellationToken);
        if (settings.Value.RequireConfirmedEmail && !user!.EmailConfirmed)
        {
            await refusals.RecordAsync(user, LoginFailures.EmailUnconfirmed, cancellationToken);
            throw new ForbiddenException("Confirm your email address with the code sent to it before signing in.", ErrorCodes.EmailUnconfirmed);
        }

        if (user!.TwoFactorEnabled)
        {
            var challenge = await codes.SendAsync(user, TwoFactorPurpose.Login, cancellationToken);
            return new LoginResult(null, new TwoFactorChallengeDto(challenge!));
        }

        await identity.ResetFailedAttemptsAsync(user);
        return new LoginResult(await sessions.StartAsync(user, cancellationToken), null);
    }
}
