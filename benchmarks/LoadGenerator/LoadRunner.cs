using System.Diagnostics;
using System.Net.Http.Headers;

namespace ChatPlatform.LoadGenerator;

/// <summary>Runs <see cref="LoadOptions.Concurrency"/> workers, each with at most one request in flight.</summary>
public sealed class LoadRunner(HttpClient client, LoadOptions options)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static HttpClient CreateClient(LoadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection per worker, so no worker ever waits for another's connection.
            MaxConnectionsPerServer = options.Concurrency,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler) { Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        return client;
    }

    public async Task<LoadResult> RunAsync(TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkAsync(deadline))).ToArray();
        var outcomes = await Task.WhenAll(workers);

        // Measured to the last answer, so requests in flight at the deadline count against the time they took.
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = outcomes.SelectMany(outcome => outcome.Latencies).ToArray();
        Array.Sort(latencies);
        return new LoadResult(latencies, outcomes.Sum(outcome => outcome.Errors), elapsed);
    }

    private async Task<(List<long> Latencies, long Errors)> WorkAsync(long deadline)
    {
        var latencies = new List<long>(capacity: 1 << 16);
        var errors = 0L;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(options.Url, HttpCompletionOption.ResponseContentRead);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - sent);
                }
                else
                {
                    errors++;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                errors++;
            }
        }

        return (latencies, errors);
    }
}
