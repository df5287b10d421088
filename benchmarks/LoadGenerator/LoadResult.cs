namespace ChatPlatform.LoadGenerator;

/// <summary>Outcome of one timed run; latencies are in <see cref="System.Diagnostics.Stopwatch"/> ticks, sorted.</summary>
public sealed class LoadResult(long[] sortedLatencyTicks, long errors, TimeSpan elapsed)
{
    public long Requests => sortedLatencyTicks.LongLength;
    public long Errors => errors;
    public TimeSpan Elapsed => elapsed;
    public double RequestsPerSecond => Requests / elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile in milliseconds.</summary>
    public double Percentile(double percent)
    {
        if (sortedLatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sortedLatencyTicks.Length);
        var ticks = sortedLatencyTicks[Math.Clamp(rank - 1, 0, sortedLatencyTicks.Length - 1)];
        return ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }
}
