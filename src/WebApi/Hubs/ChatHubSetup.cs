using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.WebApi.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>Wiring of the chat hub: services, limits, JSON shape, and its endpoint.</summary>
internal static class ChatHubSetup
{
    private const long MaximumReceiveMessageBytes = 32 * 1024;

    public static IServiceCollection AddChatHub(this IServiceCollection services)
    {
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaximumReceiveMessageBytes;
                options.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter()));
        services.AddOptions<HubOptions>().Configure<IHostEnvironment>((options, environment) =>
            options.EnableDetailedErrors = environment.IsDevelopment());
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<ChatConnections>();
        services.AddHostedService<ChatConnectionWatch>();
        services.AddSingleton<IBusEventHandler, ChatDelivery>();
        return services;
    }

    public static WebApplication MapChatHub(this WebApplication app, string corsPolicy)
    {
        app.MapHub<ChatHub>(ChatHub.Path, options => options.CloseOnAuthenticationExpiration = true).RequireCors(corsPolicy);
        return app;
    }
}
