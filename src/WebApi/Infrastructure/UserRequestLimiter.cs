using System.Threading.RateLimiting;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The rate limiter middleware's global limiter: a request to an endpoint marked with
/// <see cref="UserLimitAttribute"/> takes a permit of that limit for the signed-in user; every
/// other request passes. Rejections get the middleware's 429 <c>rate_limited</c> with Retry-After.
/// </summary>
internal sealed class UserRequestLimiter(UserRateLimits limits) : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimitLease Unlimited = new UnlimitedLease();

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        resource.GetEndpoint()?.Metadata.GetMetadata<UserLimitAttribute>() is { } limit
        && resource.User.FindFirst(AccessTokenClaims.Subject)?.Value is { } userId
            ? limits.AttemptAcquire(limit.Limit, userId)
            : Unlimited;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private sealed class UnlimitedLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
