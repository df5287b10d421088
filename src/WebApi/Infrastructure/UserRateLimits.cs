using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The per-user limits (configuration <c>RateLimiting:{Messages,Rooms,Email}</c>), one fixed-window
/// limiter per user and limit. REST (through <see cref="UserLimitAttribute"/>) and the hub take
/// permits from the same limiters, so a user's messages are one count whichever way they arrive.
/// </summary>
internal sealed class UserRateLimits : IDisposable
{
    public const string Messages = "Messages";
    public const string Rooms = "Rooms";
    public const string Email = "Email";

    private readonly Dictionary<string, PartitionedRateLimiter<string>> _limiters;

    public UserRateLimits(IOptionsMonitor<RateLimitSettings> settings) =>
        _limiters = new[] { Messages, Rooms, Email }.ToDictionary(
            name => name,
            name => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
                key,
                _ =>
                {
                    var limit = settings.Get(name);
                    return new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 };
                })));

    /// <summary>Takes one permit of <paramref name="limit"/> for the account (a user id, or for anonymous email requests the address).</summary>
    public RateLimitLease AttemptAcquire(string limit, string account) => _limiters[limit].AttemptAcquire(account);

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
