using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Credential operations backed by ASP.NET Core Identity (hashing, lockout, normalisation).
/// Operations that go through Identity's user manager take no cancellation token because the
/// manager takes none: once started, they finish.
/// </summary>
public interface IIdentityService
{
    /// <summary>Creates the user with the password; a password Identity refuses is a validation exception, a taken username or email a conflict (decided by the unique indexes).</summary>
    Task CreateAsync(User user, string password);

    Task<User?> FindByUserNameOrEmailAsync(string userNameOrEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password, counting failures towards lockout (a success does not reset the count:
    /// the caller does once the whole sign-in succeeded). An unknown user (null) costs the
    /// same work as a known one and answers <see cref="PasswordCheckResult.WrongPassword"/>.
    /// </summary>
    Task<PasswordCheck> CheckPasswordAsync(User? user, string password, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt (such as a wrong two-factor code) towards lockout.</summary>
    Task RecordFailedAttemptAsync(User user, CancellationToken cancellationToken);

    /// <summary>Clears the failed attempts after a successful sign-in.</summary>
    Task ResetFailedAttemptsAsync(User user);

    /// <summary>When the user is locked out after failed attempts, until when; otherwise null.</summary>
    Task<DateTimeOffset?> LockedOutUntilAsync(User user);

    /// <summary>Sets a new password (checked by Identity's password rules) and renews the security stamp.</summary>
    Task SetPasswordAsync(User user, string newPassword);

    /// <summary>Changes username and/or email (null keeps a value); duplicates become a conflict, decided by the unique indexes.</summary>
    Task ChangeAccountNamesAsync(User user, string? userName, string? email);
}
