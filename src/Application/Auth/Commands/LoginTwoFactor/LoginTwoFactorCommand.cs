using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.LoginTwoFactor;

/// <summary>The second step of a two-factor login: the challenge from the first step and the emailed code.</summary>
public sealed record LoginTwoFactorCommand(string ChallengeToken, string Code) : IRequest<TokenPairDto>;

internal sealed class LoginTwoFactorCommandHandler(
    IApplicationDbContext db, IIdentityService identity, TwoFactorCodes codes, SessionTokens sessions, LoginRefusals refusals)
    : IRequestHandler<LoginTwoFactorCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(LoginTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var entry = await codes.FindLoginChallengeAsync(request.ChallengeToken, cancellationToken) ?? throw InvalidCode();
        var user = await db.GetUserAsync(entry.UserId, cancellationToken);
        if (await identity.LockedOutUntilAsync(user) is { } until)
        {
            await refusals.RecordAsync(user, LoginFailures.LockedOut, cancellationToken);
            throw new AccountLockedException(until);
        }

        switch (await codes.RedeemAsync(entry, request.Code, cancellationToken))
        {
            case RedeemResult.WrongCode:
                await identity.RecordFailedAttemptAsync(user, cancellationToken);
                await refusals.RecordAsync(user, LoginFailures.WrongCode, cancellationToken);
                throw InvalidCode();
            case RedeemResult.Dead:
                throw InvalidCode();
        }

        await refusals.EnsureNotLockedByAdminAsync(user, cancellationToken);
        await identity.ResetFailedAttemptsAsync(user);
        return await sessions.StartAsync(user, cancellationToken);
    }

    private static AuthenticationFailedException InvalidCode() =>
        new(ErrorCodes.InvalidCode, "The code or challenge is wrong, expired or already used.");
}
