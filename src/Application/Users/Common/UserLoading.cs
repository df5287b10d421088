using AutoMapper;
using AutoMapper.QueryableExtensions;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Common;

internal static class UserLoading
{
    /// <summary>The tracked user with roles and their permissions (what <see cref="UserDto"/> shows), or a 404.</summary>
    public static async Task<User> GetUserAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Users
            .Include(u => u.Roles).ThenInclude(r => r.Permissions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
        ?? throw new NotFoundException("No user has that id.");

    /// <summary>The user as <see cref="UserDto"/>, projected in the query, or a 404.</summary>
    public static async Task<UserDto> GetUserDtoAsync(this IApplicationDbContext db, IMapper mapper, Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .ProjectTo<UserDto>(mapper.ConfigurationProvider)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("No user has that id.");

    /// <summary>
    /// Locks the user's row until the transaction ends, then loads the user as
    /// <see cref="GetUserAsync"/> does, so an admin's change cannot race the user's own updates.
    /// </summary>
    public static async Task<User> GetUserForUpdateAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await db.LockUserAsync(id, cancellationToken);
        return await db.GetUserAsync(id, cancellationToken);
    }
}
