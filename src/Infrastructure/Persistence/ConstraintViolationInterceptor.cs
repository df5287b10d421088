using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// The one place where a save the database refused becomes the contract's error: violations of
/// named constraints (two creators of one name, a message sent into a room being deleted) and
/// concurrent updates end as a 409 or 404 instead of a 500. Races are decided by the database;
/// use cases never look at SQL states.
/// </summary>
internal sealed class ConstraintViolationInterceptor : SaveChangesInterceptor
{
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    private static void Translate(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            throw new ConflictException(ErrorCodes.ConcurrentUpdate, "Another request changed this resource at the same time; retry.");
        }

        if (exception.InnerException is not PostgresException postgres)
        {
            return;
        }

        switch (postgres.SqlState, postgres.ConstraintName)
        {
            case (PostgresErrorCodes.UniqueViolation, RoomConfiguration.NameIndex):
                throw new ConflictException(ErrorCodes.RoomExists, "A room with this name already exists.", "name");
            case (PostgresErrorCodes.UniqueViolation, RoleConfiguration.NameIndex):
                throw new ConflictException(ErrorCodes.RoleExists, "A role with this name already exists.", "name");
            case (PostgresErrorCodes.UniqueViolation, PermissionConfiguration.PrimaryKey):
                throw new ConflictException(ErrorCodes.PermissionExists, "This permission already exists.", "code");
            case (PostgresErrorCodes.UniqueViolation, UserConfiguration.UserNameIndex):
                throw new ConflictException(ErrorCodes.UserNameTaken, "That username is already taken.", "username");
            case (PostgresErrorCodes.UniqueViolation, UserConfiguration.EmailIndex):
                throw new ConflictException(ErrorCodes.EmailTaken, "That email address is already registered.", "email");
            case (PostgresErrorCodes.UniqueViolation, RevokedAccessTokenConfiguration.PrimaryKey):
                throw new ConflictException(ErrorCodes.TokenRevoked, "The access token was revoked already.");
            case (PostgresErrorCodes.ForeignKeyViolation, MessageConfiguration.RoomForeignKey):
                throw new NotFoundException("The room no longer exists.");
        }
    }
}
