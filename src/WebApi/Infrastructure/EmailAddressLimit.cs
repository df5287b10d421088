using ChatPlatform.Domain.Users;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The <see cref="UserRateLimits.Email"/> limit for an anonymous request that names an address
/// (<c>/password/forgot</c>): the account is the address, whatever client asks, so nobody can
/// flood one mailbox by changing addresses. Refusals are the rate limiter's 429 <c>rate_limited</c>.
/// </summary>
internal static class EmailAddressLimit
{
    /// <summary>Takes a permit for the address; when there is none, writes the 429 and returns false.</summary>
    public static async Task<bool> TryAcquireAsync(HttpContext context, string? address)
    {
        var limits = context.RequestServices.GetRequiredService<UserRateLimits>();
        using var lease = limits.AttemptAcquire(UserRateLimits.Email, "address:" + User.KeyOf(address ?? string.Empty));
        if (lease.IsAcquired)
        {
            return true;
        }

        await RateLimitRefusal.WriteAsync(context, lease, "Too many emails asked for this address; try again after the Retry-After seconds.");
        return false;
    }
}
