namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>Configuration section <c>Jwt</c>.</summary>
public sealed class JwtSettings
{
    public const string SectionName = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "ChatPlatform";
    public string Audience { get; set; } = "ChatPlatform";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Absolute lifetime of a login: refreshing never extends a session past it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Tolerance for clock drift between issuer and validator; kept small on purpose.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);
}
