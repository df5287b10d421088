namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>Marks an endpoint that spends one permit of a per-user limit of <see cref="UserRateLimits"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UserLimitAttribute(string limit) : Attribute
{
    public string Limit { get; } = limit;
}
