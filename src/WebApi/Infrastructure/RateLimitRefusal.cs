using System.Globalization;
using System.Threading.RateLimiting;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>The one 429 <c>rate_limited</c> answer of every HTTP limit, with the lease's Retry-After when it has one.</summary>
internal static class RateLimitRefusal
{
    public static async Task WriteAsync(HttpContext context, RateLimitLease lease, string detail)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await ProblemResponses.WriteAsync(context, ProblemResponses.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, detail));
    }
}
