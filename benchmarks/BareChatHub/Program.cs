using ChatPlatform.BareChatHub;
using ChatPlatform.Benchmarks;

// The baseline for scripts/bench-chat.sh: a SignalR hub with the same method names and the same
// token checks as the real API (read from the same Jwt__* settings), with in-memory groups and
// no database, bus, presence, validation or MediatR.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddBenchmarkJwt(queryTokenPath: RoomHub.Path);
builder.Services.AddSignalR();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapHub<RoomHub>(RoomHub.Path);
app.Run();
