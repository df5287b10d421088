using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Infrastructure.Tokens;
using ChatPlatform.WebApi.Authorization;
using ChatPlatform.WebApi.Hubs;
using ChatPlatform.WebApi.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi;

public static class DependencyInjection
{
    public const long MaxRequestBodyBytes = 1024 * 1024;
    private const string CorsPolicy = "spa";

    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // Query strings (a hub's access_token) appear in the hosting request log: keep it below Information.
        services.Configure<LoggerFilterOptions>(options =>
            options.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));

        services.AddScoped<CallerContext>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IClientInfo, ClientInfo>();

        // Ahead of the framework's writers, which AddControllers and AddProblemDetails register.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddControllers(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                // One shared instance: the filter holds no state, and a type filter would be built per request.
                options.Conventions.Add(new ControlCharacterArguments());
                options.Conventions.Add(new CallerContextFilter());
            })
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
                // The reader's own messages name .NET types ("could not be converted to System.Int32"); clients get a plain one.
                options.AllowInputFormatterExceptionMessages = false;
            });
        services.Configure<ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemResponses.Customize);
        services.AddExceptionHandler<ExceptionProblemHandler>();

        services.AddSingleton<BearerEvents>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtSettings>, TimeProvider, BearerEvents>((options, jwt, clock, events) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = AccessTokenValidation.Parameters(jwt.Value, clock);
                // The instance itself: with EventsType the handler would look it up in the request's services on every request.
                options.Events = events;
            });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddRateLimitPolicies();

        // The framework's provider is transient, and the CORS middleware asks for it on every request.
        services.AddSingleton<ICorsPolicyProvider, DefaultCorsPolicyProvider>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
            options.AddPolicy(CorsPolicy, policy =>
            {
                var origins = AllowedOrigins(configuration);
                if (origins.Length > 0)
                {
                    policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
                }
            }));

        services.AddChatHub();

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerOperationTransformer>();
        });
        return services;
    }

    /// <summary>Origins from <c>Cors:AllowedOrigins</c>: an array, or one comma-separated string (environment variables).</summary>
    public static string[] AllowedOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:AllowedOrigins");
        var origins = section.Get<string[]>() is { Length: > 0 } list ? list : (section.Value ?? string.Empty).Split(',');
        return origins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToArray();
    }

    private static bool IsPageRequest(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments(BearerEvents.HubPathPrefix);

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ReadinessGate>();
        app.UseMiddleware<JsonCharsetCheck>();
        // The page's files are looked up on disk; API and hub requests, the hot path, skip that.
        app.UseWhen(IsPageRequest, page => page.UseDefaultFiles().UseStaticFiles());
        app.UseCors(CorsPolicy);
        app.UseMiddleware<HubOriginCheck>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<HubConnectionLimit>();
        app.UseAuthorization();

        app.MapControllers();
        app.MapChatHub(CorsPolicy);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.UseSwaggerUI(options => options.SwaggerEndpoint("/openapi/v1.json", "ChatPlatform API v1"));
        }

        return app;
    }
}
