using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// Runs before the server listens: applies migrations, seeds the system roles and permissions
/// and the bootstrap admin (idempotently, safe with several instances), and loads the
/// permission catalogue and the live revocations into memory.
/// </summary>
internal sealed class DatabaseInitialiser(
    IServiceScopeFactory scopes,
    RevocationLoader revocations,
    IPermissionCatalogue catalogue,
    IOptions<BootstrapAdminSettings> bootstrap,
    TimeProvider clock,
    ILogger<DatabaseInitialiser> logger) : IHostedService
{
    // Serialises seeding across API instances starting together.
    private const long SeedLockKey = 0x43686174506C6174;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        await db.Database.MigrateAsync(cancellationToken);
        await SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<User>>(), cancellationToken);
        await catalogue.ReloadAsync(cancellationToken);
        await revocations.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
        var admin = roles.GetValueOrDefault(SystemRoles.Admin) ?? AddRole(db, SystemRoles.Admin, "Administrators: every permission.");
        var user = roles.GetValueOrDefault(SystemRoles.User) ?? AddRole(db, SystemRoles.User, "Every registered user.");
        foreach (var permission in permissions.Values)
        {
            admin.Grant(permission);
        }

        if (!roles.ContainsKey(SystemRoles.User))
        {
            foreach (var code in SystemRoles.DefaultUserPermissions)
            {
                user.Grant(permissions[code]);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await EnsureBootstrapAdminAsync(users, admin, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Role AddRole(ApplicationDbContext db, string name, string description)
    {
        var role = Role.Create(name, description, isSystem: true);
        db.Roles.Add(role);
        return role;
    }

    private async Task EnsureBootstrapAdminAsync(UserManager<User> users, Role admin, CancellationToken cancellationToken)
    {
        var settings = bootstrap.Value;
        if (!settings.IsComplete || await users.FindByNameAsync(settings.AdminUsername!) is not null)
        {
            return;
        }

        var user = User.Create(settings.AdminUsername!, settings.AdminEmail!, null, null, clock.GetUtcNow());
        user.AddRole(admin);
        var result = await users.CreateAsync(user, settings.AdminPassword!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap admin from Bootstrap:Admin* could not be created: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("Created bootstrap admin {UserName}", user.UserName);
    }
}
