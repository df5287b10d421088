using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.Login;

/// <summary>Password login; <see cref="Username"/> may be a username or an email address.</summary>
public sealed record LoginCommand(string Username, string Password) : IRequest<TokenPairDto>;

internal sealed class LoginCommandHandler(IIdentityService identity, SessionTokens sessions)
    : IRequestHandler<LoginCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(LoginCommand request, CancellationToken cancellationToken)
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

        return await sessions.StartAsync(user!, cancellationToken);
    }
}
