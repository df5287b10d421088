using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// Applies migrations, seeds the system roles and permissions and the bootstrap admin
/// (idempotently, safe with several instances), and loads the permission catalogue and the
/// live revocations into memory. The first attempt runs before the server listens; when the
/// database cannot be reached yet, the server starts anyway (live, not ready) and the attempts
/// go on in the background until one succeeds or the host stops.
/// </summary>
internal sealed class DatabaseInitialiser(
    IServiceScopeFactory scopes,
    RevocationLoader revocations,
    IPermissionCatalogue catalogue,
    DatabaseReadiness readiness,
    IOptions<BootstrapAdminSettings> bootstrap,
    TimeProvider clock,
    ILogger<DatabaseInitialiser> logger) : IHostedService
{
    // Serialise seeding, and creating the migrations history, across API instances starting together.
    private const long SeedLockKey = 0x43686174506C6174;
    private const long HistoryLockKey = 0x43686174486973;
    private const long MigrationLockKey = 0x436861744D6967;
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryInitialiseAsync(attempt: 1, cancellationToken))
        {
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Migrates, seeds and loads; throws when anything but the database's absence fails.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        // Migrating may wait for another instance's migration and may take a while itself.
        db.Database.SetCommandTimeout(MigrationTimeout);
        await MigrateAsync(db, cancellationToken);
        await SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<User>>(), cancellationToken);
        await catalogue.ReloadAsync(cancellationToken);
        await revocations.LoadAsync(cancellationToken);
        readiness.MarkReady();
    }

    private async Task<bool> TryInitialiseAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await InitialiseAsync(cancellationToken);
            if (attempt > 1)
            {
                logger.LogInformation("Database reached on attempt {Attempt}; the API is ready", attempt);
            }

            return true;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            logger.LogWarning(
                "The database cannot be reached yet (attempt {Attempt}: {Reason}); retrying in {Delay}", attempt, Reason(e), RetryDelay);
            return false;
        }
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 2; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
                if (await TryInitialiseAsync(attempt, stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "Initialising the database failed; the API stays unready");
                return;
            }
        }
    }

    private static string Reason(Exception exception) => exception.InnerException is { } inner && exception is Application.Common.Exceptions.UnavailableException
        ? inner.Message
        : exception.Message;

    /// <summary>
    /// Instances starting together migrate one at a time: a session-level advisory lock, held on the
    /// context's one open connection across EF's own migration transactions. The second instance
    /// then finds every migration applied.
    /// </summary>
    private static async Task MigrateAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await CreateMigrationsHistoryAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// EF reads the history table before creating it, and logs the failed read of an empty database
    /// at error level: a first start would show a `fail:` line for nothing. EF's own script creates it first.
    /// </summary>
    private static async Task CreateMigrationsHistoryAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var script = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HistoryLockKey})", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(script, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SeedAsync(ApplicationDbContext db, UserManager<User> users, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);

        var permissions = await db.Permissions.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var (code, description) in SystemPermissions.All)
        {
            if (!permissions.ContainsKey(code))
            {
                permissions[code] = Permission.Create(code, description, isSystem: true);
                db.Permissions.Add(permissions[code]);
            }
        }

        var roles = await db.Roles.Include(r => r.Permissions).ToDictionaryAsync(r => r.NormalizedName, cancellationToken);
        var admin = roles.GetValueOrDefault(SystemRoles.AdminKey) ?? AddRole(db, SystemRoles.Admin, "Administrators: every permission.");
        var user = roles.GetValueOrDefault(SystemRoles.UserKey) ?? AddRole(db, SystemRoles.User, "Every registered user.");
        foreach (var permission in permissions.Values)
        {
            admin.Grant(permission);
        }

        if (!roles.ContainsKey(SystemRoles.UserKey))
        {
            foreach (var code in SystemRoles.DefaultUserPermissions)
            {
                user.Grant(permissions[code]);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await EnsureBootstrapAdminAsync(users, admin);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Role AddRole(ApplicationDbContext db, string name, string description)
    {
        var role = Role.Create(name, description, isSystem: true);
        db.Roles.Add(role);
        return role;
    }

    private async Task EnsureBootstrapAdminAsync(UserManager<User> users, Role admin)
    {
        var settings = bootstrap.Value;
        if (!settings.IsComplete || await users.FindByNameAsync(settings.AdminUsername!) is not null)
        {
            return;
        }

        User user;
        IdentityResult result;
        try
        {
            user = User.Create(settings.AdminUsername!, settings.AdminEmail!, null, null, clock.GetUtcNow());
            user.AddRole(admin);

            // The operator gave this address; with Identity:RequireConfirmedEmail the admin must still sign in.
            user.ConfirmEmail();
            result = await users.CreateAsync(user, settings.AdminPassword!);
        }
        catch (Exception e) when (e is DomainRuleException or ConflictException)
        {
            throw new InvalidOperationException("The bootstrap admin from Bootstrap:Admin* could not be created: " + e.Message, e);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap admin from Bootstrap:Admin* could not be created: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("Created bootstrap admin {UserName}", user.UserName);
    }
}
