using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// Turns a database outage met by EF Core (opening a connection, running a command, committing)
/// into an <see cref="Application.Common.Exceptions.UnavailableException"/>: a 503 or hub
/// <c>unavailable</c> instead of a 500 with a stack trace.
/// </summary>
internal sealed class DatabaseOutageInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Translate(eventData.Exception);

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Translate(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Translate(eventData.Exception);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Translate(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Translate(eventData.Exception);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Translate(eventData.Exception);

    private static Task Translate(Exception exception) =>
        DatabaseOutage.Is(exception) ? throw DatabaseOutage.ToUnavailable(exception) : Task.CompletedTask;
}
