using System.Globalization;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>
/// Identity's password, lockout and normalisation rules over the domain user. Identity's
/// <see cref="UserManager{TUser}"/> takes no cancellation token, so the operations that go through
/// it take none either; reads go to the store, and failed attempts are counted, with the caller's.
/// </summary>
internal sealed class IdentityService(
    ClockedUserManager users, UserStore store, IPasswordHasher<User> hasher, ApplicationDbContext db, IAuditTrail audit) : IIdentityService
{
    // Verifying against a real hash for unknown users keeps their answer as slow as a wrong
    // password, so response time does not reveal which usernames exist.
    private static readonly Lazy<string> UnknownUserHash =
        new(() => new PasswordHasher<User>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task CreateAsync(User user, string password) =>
        ThrowOnPasswordFailure(await users.CreateAsync(user, password));

    public Task RecordFailedAttemptAsync(User user, CancellationToken cancellationToken) =>
        CountFailureAsync(user, cancellationToken);

    public async Task ResetFailedAttemptsAsync(User user)
    {
        if (user.AccessFailedCount > 0)
        {
            EnsureStored(await users.ResetAccessFailedCountAsync(user));
        }
    }

    public async Task<DateTimeOffset?> LockedOutUntilAsync(User user) =>
        await users.IsLockedOutAsync(user) ? user.LockoutEnd : null;

    public async Task SetPasswordAsync(User user, string newPassword)
    {
        var failures = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, newPassword);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["newPassword"] = failures.Select(e => e.Description).ToArray() });
        }

        user.ReplacePasswordHash(users.PasswordHasher.HashPassword(user, newPassword));
        EnsureStored(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ChangeAccountNamesAsync(User user, string? userName, string? email)
    {
        if (userName is not null)
        {
            user.ChangeUserName(userName);
            await users.UpdateNormalizedUserNameAsync(user);
        }

        if (email is not null && !string.Equals(email, user.Email, StringComparison.Ordinal))
        {
            user.ChangeEmail(email);
            await users.UpdateNormalizedEmailAsync(user);
        }

        EnsureStored(await users.UpdateAsync(user));
    }

    /// <summary>
    /// Identity refuses a new user only for its password rules: the domain checks the user's
    /// shape, and duplicates reach the unique indexes, which ConstraintViolationInterceptor turns
    /// into the conflict (no user validator is registered, so Identity does not pre-check them).
    /// </summary>
    private static void ThrowOnPasswordFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }

    /// <summary>With no user validator and a store that lets the database decide, an update Identity refuses is a bug.</summary>
    private static void EnsureStored(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused to store the user: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    public Task<User?> FindByUserNameOrEmailAsync(string userNameOrEmail, CancellationToken cancellationToken) =>
        userNameOrEmail.Contains('@')
            ? store.FindByEmailAsync(users.NormalizeEmail(userNameOrEmail), cancellationToken)
            : store.FindByNameAsync(users.NormalizeName(userNameOrEmail), cancellationToken);

    public async Task<PasswordCheck> CheckPasswordAsync(User? user, string password, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownUserHash.Value, password);
            return new PasswordCheck(PasswordCheckResult.WrongPassword);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new PasswordCheck(PasswordCheckResult.LockedOut, user.LockoutEnd);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await CountFailureAsync(user, cancellationToken);
            return new PasswordCheck(PasswordCheckResult.WrongPassword);
        }

        // The failure count is not reset here: a correct password is only half of a two-factor
        // login, and resetting on it would give a thief with the password endless code guesses.
        return new PasswordCheck(PasswordCheckResult.Success);
    }

    /// <summary>
    /// Counts a failure; when the account was not locked out before (every caller checks) and is
    /// now, this failure locked it, and that goes on the record.
    /// </summary>
    private async Task CountFailureAsync(User user, CancellationToken cancellationToken)
    {
        await users.AccessFailedAsync(user, cancellationToken);
        if (await users.IsLockedOutAsync(user))
        {
            audit.Add(
                AuditEventTypes.AccountLockedOut,
                null,
                AuditParty.Of(user),
                new Dictionary<string, string> { ["until"] = user.LockoutEnd!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
