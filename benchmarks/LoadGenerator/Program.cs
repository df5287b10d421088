using System.Globalization;
using ChatPlatform.LoadGenerator;

// Closed-loop HTTP load for scripts/bench-auth.sh: a fixed number of workers, each sending its
// next request as soon as the previous answer arrives, for a fixed time after a warm-up.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var client = LoadRunner.CreateClient(options);
var runner = new LoadRunner(client, options);

var warmUp = await runner.RunAsync(options.WarmUp);
var result = await runner.RunAsync(options.Duration);

// One key=value line, so the calling script can parse it without a JSON tool. The warm-up's count
// lets a caller that samples the server's CPU time around the whole process divide by every request.
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"warmup_requests={warmUp.Requests + warmUp.Errors} requests={result.Requests} errors={result.Errors} seconds={result.Elapsed.TotalSeconds:F2} rps={result.RequestsPerSecond:F0} p50_ms={result.Percentile(50):F3} p99_ms={result.Percentile(99):F3}"));
return result.Requests > 0 && result.Errors == 0 ? 0 : 1;
