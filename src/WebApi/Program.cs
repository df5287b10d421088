using ChatPlatform.Application;
using ChatPlatform.Infrastructure;
using ChatPlatform.WebApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWebApi();

var app = builder.Build();

app.UseWebApi();

app.Run();

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
