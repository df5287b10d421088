using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Messages;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);
}
