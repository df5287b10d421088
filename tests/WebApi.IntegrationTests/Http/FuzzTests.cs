using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatPlatform.WebApi.IntegrationTests.Support;
using ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

namespace ChatPlatform.WebApi.IntegrationTests.Http;

/// <summary>
/// Every operation of the application's own OpenAPI document gets generated bad requests
/// (schema-aware mutations of a valid request: body, path, query, content type, accept,
/// authorization) with a fixed seed. No answer may be a 5xx, and every error must be Problem
/// Details with its <c>error</c> code. Set FUZZ_SEED to explore other sequences.
/// </summary>
[NonParallelizable]
public sealed class FuzzTests
{
    private const int DefaultSeed = 20261201;
    private const int TotalRequests = 2_500;
    private const int ShownFailures = 40;

    [Test]
    public async Task Every_operation_answers_generated_bad_requests_with_problem_details_and_never_a_5xx()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } chosen
            ? int.Parse(chosen, CultureInfo.InvariantCulture)
            : DefaultSeed;
        await using var factory = await TestRun.CreateApiAsync(FuzzFixture.Settings);
        using var api = new Api(factory.CreateApiClient());
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

        var document = await (await api.GetAsync("/openapi/v1.json")).ShouldHaveStatus(200);
        var operations = OpenApiOperation.ReadAll(document);
        var schemas = new OpenApiSchemas(document);
        await FuzzFixture.RegisterOtherUserAsync(api);
        var perOperation = (TotalRequests + operations.Count - 1) / operations.Count;

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            // Each operation has a sequence of its own, so a new endpoint leaves the others' unchanged.
            var fuzzer = new RequestFuzzer(schemas, new Random(seed ^ StableHash(operation.ToString())));
            var fixture = await FuzzFixture.PrepareAsync(api);
            for (var i = 0; i < perOperation; i++)
            {
                var request = fuzzer.Next(++sent, operation, fixture);
                var failure = await SendAsync(http, factory.ServerAddress, request, statuses);
                if (failure is not null)
                {
                    failures.Add($"{request}\n    -> {failure}");
                }
            }
        }

        TestContext.Progress.WriteLine(
            $"Fuzz: seed {seed}, {sent} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"statuses {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}; {failures.Count} failures");
        Assert.That(failures, Is.Empty, Report(seed, failures));
    }

    /// <summary>
    /// Sends the request and judges the answer. A request that got no answer is sent once more:
    /// a pooled connection that the server closed after its previous answer can fail one send,
    /// and a server that drops the request itself drops the second one too.
    /// </summary>
    private static async Task<string?> SendAsync(HttpClient http, Uri server, FuzzRequest request, SortedDictionary<int, int> statuses)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = request.ToHttpRequest(server);
                using var response = await http.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                return FuzzVerdict.Judge(request, status, response.Content.Headers, body);
            }
            catch (HttpRequestException) when (attempt == 1)
            {
                TestContext.Progress.WriteLine($"Fuzz: no answer to #{request.Number} on the first try; sending it again");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return $"no answer: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}";
            }
        }
    }

    private static string Report(int seed, List<string> failures)
    {
        var text = new StringBuilder($"{failures.Count} bad answers (seed {seed}); the requests that reproduce them:\n");
        foreach (var failure in failures.Take(ShownFailures))
        {
            text.AppendLine(failure);
        }

        if (failures.Count > ShownFailures)
        {
            text.AppendLine($"... and {failures.Count - ShownFailures} more");
        }

        return text.ToString();
    }

    /// <summary>FNV-1a: string.GetHashCode differs between processes, and the seed must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)hash;
    }
}
