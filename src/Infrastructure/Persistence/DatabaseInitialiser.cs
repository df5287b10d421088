using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
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
/// Runs before the server listens: applies migrations, seeds the system roles and permissions
/// and the bootstrap admin (idempotently, safe with several instances), and loads the
/// permission catalogue and the live revocations into memory.
/// </summary>
internal sealed class DatabaseInitialiser(
    IServiceScopeFactory scopes,
    RevocationList revocations,
    IPermissionCatalogue catalogue,
    IOptions<BootstrapAdminSettings> bootstrap,
    IOptions<JwtSettings> jwt,
    TimeProvider clock,
    ILogger<DatabaseInitialiser> logger) : IHostedService
{
    // Serialise seeding, and creating the migrations history, across API instances starting together.
    private const long SeedLockKey = 0x43686174506C6174;
    private const long HistoryLockKey = 0x43686174486973;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        await CreateMigrationsHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<User>>(), cancellationToken);
        await catalogue.ReloadAsync(cancellationToken);
        await LoadRevocationsAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    private async Task LoadRevocationsAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = jwt.Value.AccessTokenLifetime;
        var liveSince = now - lifetime;

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.RevokedAt > liveSince)
            .Select(s => new { s.Id, s.UserId, s.RevokedAt })
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            revocations.Apply(new Revocation(session.UserId, [session.Id], null, session.RevokedAt!.Value + lifetime));
        }

        var tokens = await db.RevokedAccessTokens.AsNoTracking().Where(t => t.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            revocations.Apply(new Revocation(token.UserId, [], token.Jti, token.ExpiresAt));
        }

        logger.LogInformation("Loaded {SessionCount} revoked session(s) and {TokenCount} revoked access token(s)", sessions.Count, tokens.Count);
    }
}
