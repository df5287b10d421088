using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.WebApi.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>Wiring of the chat hub: services, limits, JSON shape, and its endpoint.</summary>
internal static class ChatHubSetup
{
    private const long MaximumReceiveMessageBytes = 32 * 1024;
    private const int MaximumParallelInvocations = 32;

    public static IServiceCollection AddChatHub(this IServiceCollection services)
    {
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaximumReceiveMessageBytes;

                // SendMessage answers only once the message is stored (a commit away): one at a time per
                // connection would cap a sender at one message per commit. Invocations start in arrival
                // order and reach the room's queue before their first wait, so stored order still follows it.
                // 32 because a busy sender (200 msg/s in scripts/bench-chat.sh) with a commit cycle of tens
                // of milliseconds kept 8 always in use, and its next messages queued behind them.
                options.MaximumParallelInvocationsPerClient = MaximumParallelInvocations;
                options.AddFilter<HubCallerContextFilter>();
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubUserLimits>();
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter()));
        // The dispatcher logs every failed invocation, expected refusals included, at Error with a
        // stack trace; HubErrorFilter logs refusals at Debug and real faults at Error instead.
        services.Configure<LoggerFilterOptions>(options =>
            options.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None));
        services.AddOptions<HubOptions>().Configure<IHostEnvironment>((options, environment) =>
            options.EnableDetailedErrors = environment.IsDevelopment());
        services.AddSingleton<HubCallerContextFilter>();
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<HubUserLimits>();
        services.AddSingleton<HubConnectionQuota>();
        services.AddSingleton<TypingThrottle>();
        services.AddOptions<ChatSettings>().BindConfiguration(ChatSettings.SectionName)
            .Validate(s => s.MaxConnectionsPerUser > 0, "Chat:MaxConnectionsPerUser must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<ChatConnections>();
        services.AddHostedService<ChatConnectionWatch>();
        services.AddSingleton<DeliveryLanes>();
        services.AddSingleton<IBusEventHandler, ChatDelivery>();
        return services;
    }

    public static WebApplication MapChatHub(this WebApplication app, string corsPolicy)
    {
        app.MapHub<ChatHub>(ChatHub.Path, options => options.CloseOnAuthenticationExpiration = true).RequireCors(corsPolicy);
        return app;
    }
}
