using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// Turns violations of named constraints into the contract's errors, so that races resolved by
/// the database (two creators of one room name, a message sent into a room being deleted) end
/// as a 409 or 404 instead of a 500.
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
        if (exception.InnerException is not PostgresException postgres)
        {
            return;
        }

        switch (postgres.SqlState, postgres.ConstraintName)
        {
            case (PostgresErrorCodes.UniqueViolation, RoomConfiguration.NameIndex):
                throw new ConflictException("room_exists", "A room with this name already exists.", "name");
            case (PostgresErrorCodes.ForeignKeyViolation, MessageConfiguration.RoomForeignKey):
                throw new NotFoundException("The room no longer exists.");
        }
    }
}
