using ChatPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>EF Core's transaction behind the application's <see cref="ITransaction"/>.</summary>
internal sealed class DatabaseTransaction(IDbContextTransaction transaction) : ITransaction
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
