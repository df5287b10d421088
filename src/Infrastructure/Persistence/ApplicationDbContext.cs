using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Messages;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Infrastructure.Persistence;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<Permission> Permissions => Set<Permission>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RevokedAccessToken> RevokedAccessTokens => Set<RevokedAccessToken>();
    public DbSet<TwoFactorCode> TwoFactorCodes => Set<TwoFactorCode>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AccountCode> AccountCodes => Set<AccountCode>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        new DatabaseTransaction(await Database.BeginTransactionAsync(cancellationToken));

    public async Task<Role> LockRoleCatalogueAsync(CancellationToken cancellationToken)
    {
        var admin = await Roles
            .FromSql($"""SELECT * FROM roles WHERE "NormalizedName" = {SystemRoles.AdminKey} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return admin.Single();
    }

    public Task LockUserAsync(Guid userId, CancellationToken cancellationToken) =>
        // xmin is a system column that SELECT * leaves out; the entity maps it as its concurrency token.
        Users.FromSql($"""SELECT *, xmin FROM users WHERE "Id" = {userId} FOR UPDATE""").ToListAsync(cancellationToken);

    public async Task<Session?> LockSessionAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken)
    {
        var locked = await Sessions
            .FromSql($"""SELECT * FROM sessions WHERE "Id" = {sessionId} AND "UserId" = {userId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return locked.SingleOrDefault();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
}
