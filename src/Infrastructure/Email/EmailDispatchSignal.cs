namespace ChatPlatform.Infrastructure.Email;

/// <summary>Wakes this instance's <see cref="EmailDispatcher"/> when a request committed an email, so it goes out at once rather than at the next poll.</summary>
internal sealed class EmailDispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised: the dispatcher will look once, and see every row committed by then.
        }
    }

    /// <summary>Waits until raised or <paramref name="timeout"/> passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
