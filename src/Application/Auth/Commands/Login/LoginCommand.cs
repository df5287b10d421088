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
    IIdentityService identity, SessionTokens sessions, TwoFactorCodes codes, IOptions<AccountSettings> settings)
    : IRequestHandler<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindByUserNameOrEmailAsync(request.Username, cancellationToken);
        var check = await identity.CheckPasswordAsync(user, request.Password, cancellationToken);
        switch (check.Result)
        {
            case PasswordCheckResult.LockedOut:
                throw new AccountLockedException(check.LockedUntil!.Value);
            case PasswordCheckResult.WrongPassword:
                throw new AuthenticationFailedException(ErrorCodes.InvalidCredentials, "Invalid username or password.");
        }

        EnsureNotLockedByAdmin(user!);
        if (settings.Value.RequireConfirmedEmail && !user!.EmailConfirmed)
        {
            throw new ForbiddenException("Confirm your email address with the code sent to it before signing in.", ErrorCodes.EmailUnconfirmed);
        }

        if (user!.TwoFactorEnabled)
        {
            var challenge = await codes.SendAsync(user, TwoFactorPurpose.Login, cancellationToken);
            return new LoginResult(null, new TwoFactorChallengeDto(challenge!));
        }

        await identity.ResetFailedAttemptsAsync(user, cancellationToken);
        return new LoginResult(await sessions.StartAsync(user, cancellationToken), null);
    }

    /// <summary>Only asked after a correct password, so the answer does not reveal which accounts are locked.</summary>
    public static void EnsureNotLockedByAdmin(User user)
    {
        if (user.IsLocked)
        {
            throw new ForbiddenException("This account has been locked by an administrator.", ErrorCodes.AccountLocked);
        }
    }
}
