namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>One fixed-window limit per client address (configuration <c>RateLimiting:{Policy}</c>).</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}
