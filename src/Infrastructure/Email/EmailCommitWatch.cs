using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Raises the <see cref="EmailDispatchSignal"/> once a save that queued email has committed (at once, or with its transaction).</summary>
internal sealed class EmailCommitWatch(EmailDispatchSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _saving;
    private bool _uncommitted;

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _saving = eventData.Context!.ChangeTracker.Entries<OutgoingEmail>().Any(e => e.State == EntityState.Added);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_saving)
        {
            _saving = false;
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
