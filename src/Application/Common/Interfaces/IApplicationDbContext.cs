using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Messages;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Common.Interfaces;

public interface IApplicationDbContext
{
    DbSet<User> Users { get; }
    DbSet<Role> Roles { get; }
    DbSet<Permission> Permissions { get; }
    DbSet<Session> Sessions { get; }
    DbSet<RefreshToken> RefreshTokens { get; }
    DbSet<RevokedAccessToken> RevokedAccessTokens { get; }
    DbSet<TwoFactorCode> TwoFactorCodes { get; }
    DbSet<AccountCode> AccountCodes { get; }
    DbSet<Room> Rooms { get; }
    DbSet<Message> Messages { get; }
    DbSet<AuditEvent> AuditEvents { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Serialises every change to roles, permissions and role membership (and locking) by locking
    /// the admin role's row until the transaction ends, and returns the tracked admin role. One
    /// lock, always taken first, cannot deadlock, and it makes check-then-change rules such as "one
    /// unlocked admin remains" hold when two admins act at once.
    /// </summary>
    Task<Role> LockRoleCatalogueAsync(CancellationToken cancellationToken);

    /// <summary>Locks the user's row (if any) until the transaction ends and tracks the user with its concurrency token.</summary>
    Task LockUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Locks and returns the user's session until the transaction ends, or null when the user has no such session.</summary>
    Task<Session?> LockSessionAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken);
}
