using ChatPlatform.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Identity;

/// <summary>
/// Identity's user manager with lockout read from <see cref="TimeProvider"/> (Identity reads the
/// system clock) and failed attempts counted atomically in the database.
/// </summary>
internal sealed class ClockedUserManager(
    UserStore store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<User> passwordHasher,
    IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<User>> logger,
    TimeProvider clock)
    : UserManager<User>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<bool> IsLockedOutAsync(User user) =>
        Task.FromResult(user.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow());

    public override Task<IdentityResult> AccessFailedAsync(User user) => AccessFailedAsync(user, CancellationToken);

    /// <summary>Counts one failed attempt, as Identity's does, but with the caller's cancellation token.</summary>
    public async Task<IdentityResult> AccessFailedAsync(User user, CancellationToken cancellationToken)
    {
        var lockout = Options.Lockout;
        await store.RecordFailedAttemptAsync(
            user, lockout.MaxFailedAccessAttempts, clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan, cancellationToken);
        return IdentityResult.Success;
    }
}
