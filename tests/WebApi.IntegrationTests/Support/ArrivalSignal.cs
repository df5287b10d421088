namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// Wakes whoever waits each time something arrives (a hub event, an acknowledged send), so a test
/// waits for the arrival itself, with a timeout, instead of polling for it.
/// </summary>
public sealed class ArrivalSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Call after the arrival is recorded where the waiters' conditions look.</summary>
    public void Raise()
    {
        TaskCompletionSource raised;
        lock (_gate)
        {
            raised = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        raised.TrySetResult();
    }

    /// <summary>Returns once <paramref name="condition"/> holds, checking it on every arrival; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Take the signal before checking, so an arrival between the check and the wait is not missed.
            Task arrival;
            lock (_gate)
            {
                arrival = _next.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }
        }
    }
}
