using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// Test-only: once armed, holds the next save that issues a refresh token (inside the refresh's
/// transaction, before its commit) until the request's cancellation token fires. A save whose
/// cancellation never arrives goes on after <see cref="Deadline"/>, so a server that ignores an
/// aborted request shows up as a spent token, not as a hung test.
/// </summary>
public sealed class RefreshSaveHold : SaveChangesInterceptor
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _never = new();
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _saveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    /// <summary>Completes when the held save has started waiting.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Completes when the held save stopped waiting, cancelled or past the deadline.</summary>
    public Task SaveEnded => _saveEnded.Task;

    /// <summary>Whether the request's cancellation reached the held save.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Holds the next save that issues a refresh token.</summary>
    public void Arm()
    {
        _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _saveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Cancelled = false;
        Interlocked.Exchange(ref _armed, 1);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var issuesRefreshToken = eventData.Context!.ChangeTracker.Entries<RefreshToken>().Any(e => e.State == EntityState.Added);
        if (!issuesRefreshToken || Interlocked.Exchange(ref _armed, 0) == 0)
        {
            return result;
        }

        _reached.TrySetResult();
        try
        {
            await _never.Task.WaitAsync(Deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The cancellation never came: let the save go on, as a server that ignores an aborted request would.
        }
        catch (OperationCanceledException)
        {
            Cancelled = true;
            throw;
        }
        finally
        {
            _saveEnded.TrySetResult();
        }

        return result;
    }
}
