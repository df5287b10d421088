using System.Text;
using ChatPlatform.BareJwtApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The baseline for scripts/bench-auth.sh: the same token checks as the real API's
// AccessTokenValidation (read from the same Jwt__* settings), without a database,
// revocation list, MVC, MediatR or Problem Details.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

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
});
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/auth/protected", (HttpContext context) =>
        new ProtectedResponse("You are authenticated.", context.User.Identity!.Name!))
    .RequireAuthorization();

app.Run();
