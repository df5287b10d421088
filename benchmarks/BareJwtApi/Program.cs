using ChatPlatform.BareJwtApi;
using ChatPlatform.Benchmarks;

// The baseline for scripts/bench-auth.sh: the same token checks as the real API's
// AccessTokenValidation (read from the same Jwt__* settings), without a database,
// revocation list, MVC, MediatR or Problem Details.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddBenchmarkJwt();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/auth/protected", (HttpContext context) =>
        new ProtectedResponse("You are authenticated.", context.User.Identity!.Name!))
    .RequireAuthorization();

app.Run();
