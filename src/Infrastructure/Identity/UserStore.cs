using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's store over the domain <see cref="User"/>, so Identity hashes
/// passwords, normalises names and counts lockouts while the domain owns the user.
/// </summary>
internal sealed class UserStore(ApplicationDbContext db) :
    IUserPasswordStore<User>,
    IUserEmailStore<User>,
    IUserSecurityStampStore<User>,
    IUserLockoutStore<User>,
    IUserTwoFactorStore<User>
{
    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken)
    {
        user.ChangeUserName(userName ?? string.Empty);
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.SetNormalizedUserName(normalizedName ?? string.Empty);
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        return await SaveAsync(user, cancellationToken);
    }

    public Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken) => SaveAsync(user, cancellationToken);

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Remove(user);
        return await SaveAsync(user, cancellationToken);
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id)
            ? await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);

    public Task SetEmailAsync(User user, string? email, CancellationToken cancellationToken)
    {
        user.ChangeEmail(email ?? string.Empty);
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task<bool> GetEmailConfirmedAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(User user, bool confirmed, CancellationToken cancellationToken)
    {
        if (confirmed)
        {
            user.ConfirmEmail();
        }
        else
        {
            user.MarkEmailUnconfirmed();
        }

        return Task.CompletedTask;
    }

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);

    public Task<string?> GetNormalizedEmailAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(User user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.SetNormalizedEmail(normalizedEmail ?? string.Empty);
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.ReplacePasswordHash(passwordHash);
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken cancellationToken)
    {
        user.ReplaceSecurityStamp(stamp);
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockOutUntil(lockoutEnd);
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken cancellationToken)
    {
        return Task.FromResult(user.CountFailedAccess());
    }

    public Task ResetAccessFailedCountAsync(User user, CancellationToken cancellationToken)
    {
        user.ResetFailedAccess();
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken cancellationToken)
    {
        user.EnableLockout(enabled);
        return Task.CompletedTask;
    }

    public Task SetTwoFactorEnabledAsync(User user, bool enabled, CancellationToken cancellationToken)
    {
        if (enabled)
        {
            user.EnableTwoFactor();
        }
        else
        {
            user.DisableTwoFactor();
        }

        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    /// <summary>
    /// Counts one failed attempt in a single statement, so concurrent failures are all counted,
    /// and locks the account when the count reaches <paramref name="maxAttempts"/>.
    /// </summary>
    public async Task RecordFailedAttemptAsync(User user, int maxAttempts, DateTimeOffset lockoutUntil, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE users SET
                "AccessFailedCount" = CASE WHEN "AccessFailedCount" + 1 >= {maxAttempts} THEN 0 ELSE "AccessFailedCount" + 1 END,
                "LockoutEnd" = CASE WHEN "AccessFailedCount" + 1 >= {maxAttempts} THEN {lockoutUntil} ELSE "LockoutEnd" END
            WHERE "Id" = {user.Id}
            """,
            cancellationToken);
        await db.Entry(user).ReloadAsync(cancellationToken);
    }

    public void Dispose()
    {
    }

    private async Task<IdentityResult> SaveAsync(User user, CancellationToken cancellationToken)
    {
        // A duplicate or a concurrent update that the database refuses becomes a 409 in ConstraintViolationInterceptor.
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }
}
