using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>
/// Raises the <see cref="EmailDispatchSignal"/> once a save that stored queued email has committed
/// (at once, or with its transaction). <see cref="EmailOutbox"/> says when email is queued, so a
/// save without any costs nothing here.
/// </summary>
internal sealed class EmailCommitWatch(EmailDispatchSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _queued;
    private bool _uncommitted;

    public void Queued() => _queued = true;

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_queued)
        {
            _queued = false;
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                signal.Raise();
            }
            else
            {
                _uncommitted = true;
            }
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_uncommitted)
        {
            _uncommitted = false;
            signal.Raise();
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _uncommitted = false;
        return Task.CompletedTask;
    }
}
