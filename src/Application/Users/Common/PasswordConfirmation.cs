using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Users.Common;

/// <summary>Asks a signed-in user for their password again before a sensitive change; failures count towards lockout.</summary>
internal static class PasswordConfirmation
{
    public static async Task EnsureAsync(IIdentityService identity, User user, string password, CancellationToken cancellationToken)
    {
        var check = await identity.CheckPasswordAsync(user, password, cancellationToken);
        switch (check.Result)
        {
            case PasswordCheckResult.LockedOut:
                throw new AccountLockedException(check.LockedUntil!.Value);
            case PasswordCheckResult.WrongPassword:
                throw new AuthenticationFailedException(ErrorCodes.InvalidCredentials, "The password is wrong.");
        }
    }
}
