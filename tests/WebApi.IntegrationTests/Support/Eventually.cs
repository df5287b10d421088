using System.Diagnostics;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// The tests' one poll, for conditions that raise no event the test can wait for (an HTTP answer,
/// a row, a file): asks again every <see cref="Interval"/> until the condition holds, and fails
/// naming <c>what</c> once the deadline has passed. Anything that does raise an event is waited for
/// through it instead (<see cref="ArrivalSignal"/>).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls until <paramref name="condition"/> holds; returns how long that took.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"Not within {deadline}: {what}");
            }

            await Task.Delay(Interval);
        }

        return watch.Elapsed;
    }

    /// <summary>Polls until <paramref name="probe"/> finds something; returns it.</summary>
    public static async Task<T> FindsAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what)
        where T : class
    {
        T? found = null;
        await HoldsAsync(async () => (found = await probe()) is not null, deadline, what);
        return found!;
    }
}
