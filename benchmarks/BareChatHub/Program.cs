using System.Text;
using ChatPlatform.BareChatHub;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The baseline for scripts/bench-chat.sh: a SignalR hub with the same method names and the same
// token checks as the real API (read from the same Jwt__* settings), with in-memory groups and
// no database, bus, presence, validation or MediatR.
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
        ClockSkew = TimeSpan.FromSeconds(5),
        NameClaimType = "name",
        RoleClaimType = "role",
    };
    options.Events = new JwtBearerEvents
    {
        OnMessageReceived = context =>
        {
            if (context.Request.Path.StartsWithSegments(RoomHub.Path) && context.Request.Query["access_token"] is { Count: > 0 } token)
            {
                context.Token = token;
            }

            return Task.CompletedTask;
        },
    };
});
builder.Services.AddAuthorization();
builder.Services.AddSignalR();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapHub<RoomHub>(RoomHub.Path);
app.Run();
