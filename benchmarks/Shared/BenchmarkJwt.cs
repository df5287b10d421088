using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.Benchmarks;

/// <summary>
/// The bare baselines' token checks: the same as the real API's AccessTokenValidation, read from
/// the same Jwt__* settings, so a token the API issues holds on the baseline too. Compiled into
/// each baseline (no reference to src/).
/// </summary>
internal static class BenchmarkJwt
{
    public static void AddBenchmarkJwt(this WebApplicationBuilder builder, string? queryTokenPath = null)
    {
        var jwt = builder.Configuration.GetSection("Jwt");
        var signingKey = jwt["SigningKey"] is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException("Set Jwt__SigningKey, the same key the real API signs with.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt["Issuer"] ?? "ChatPlatform",
                ValidAudience = jwt["Audience"] ?? "ChatPlatform",
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)) { KeyId = "chatplatform-hs256" },
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidTypes = ["at+jwt"],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateIssuerSigningKey = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = jwt.GetValue("ClockSkew", TimeSpan.FromSeconds(5)),
                NameClaimType = "name",
                RoleClaimType = "role",
            };
            if (queryTokenPath is not null)
            {
                // Browsers' WebSockets carry the token in the query, as with the real hub.
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments(queryTokenPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            }
        });
        builder.Services.AddAuthorization();
    }
}
