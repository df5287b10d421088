using System.Text;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>Stops start-up with a clear message when the JWT configuration is unusable.</summary>
internal sealed class JwtSettingsValidator : IValidateOptions<JwtSettings>
{
    public ValidateOptionsResult Validate(string? name, JwtSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add("Jwt:SigningKey is required (set the Jwt__SigningKey environment variable to at least 32 random bytes).");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtSettings.MinimumKeyBytes)
        {
            failures.Add($"Jwt:SigningKey must be at least {JwtSettings.MinimumKeyBytes} bytes.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Issuer and Jwt:Audience must not be empty.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= TimeSpan.Zero || options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Jwt lifetimes must be positive.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(1))
        {
            failures.Add("Jwt:ClockSkew must be between 0 and 1 minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
