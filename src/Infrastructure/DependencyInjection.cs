using System.Security.Cryptography;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;
using ChatPlatform.Infrastructure.Audit;
using ChatPlatform.Infrastructure.Bus;
using ChatPlatform.Infrastructure.Chat;
using ChatPlatform.Infrastructure.Email;
using ChatPlatform.Infrastructure.Identity;
using ChatPlatform.Infrastructure.Persistence;
using ChatPlatform.Infrastructure.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatPlatform.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider => DatabaseConnection.CreatePool(ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddSingleton<ConstraintViolationInterceptor>();
        services.AddSingleton<DatabaseOutageInterceptor>();
        services.AddDbContext<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(
                provider.GetRequiredService<ConstraintViolationInterceptor>(),
                provider.GetRequiredService<DatabaseOutageInterceptor>(),
                provider.GetRequiredService<EventOutbox>(),
                provider.GetRequiredService<EmailCommitWatch>()));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());

        AddBus(services);
        AddChat(services, configuration);
        AddIdentity(services, configuration);
        AddTokens(services, configuration, environment);
        AddEmail(services, configuration, environment);
        AddAudit(services, configuration);

        services.AddOptions<BootstrapAdminSettings>().Bind(configuration.GetSection(BootstrapAdminSettings.SectionName));

        // The bus listens before the initialiser loads what its events keep up to date.
        services.AddHostedService(provider => provider.GetRequiredService<BusListener>());
        services.AddHostedService<DatabaseInitialiser>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<IServiceReadiness>(provider => provider.GetRequiredService<DatabaseReadiness>());
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("initialised", tags: ["ready"])
            .AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} is required (environment variable ConnectionStrings__{ConnectionStringName}).");

    private static void AddBus(IServiceCollection services)
    {
        services.AddSingleton(provider => new BusConnection(
            DatabaseConnection.CreateListener(ConnectionString(provider.GetRequiredService<IConfiguration>()))));
        services.AddSingleton<BusListener>();
        services.AddScoped<EventOutbox>();
        services.AddScoped<IEventBus>(provider => provider.GetRequiredService<EventOutbox>());
    }

    private static void AddChat(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PresenceSettings>()
            .Bind(configuration.GetSection(PresenceSettings.SectionName))
            .Validate(s => s.Heartbeat > TimeSpan.Zero && s.Timeout > s.Heartbeat, "Chat:Presence:Timeout must be longer than its Heartbeat.")
            .ValidateOnStart();
        services.AddSingleton<ApiInstance>();
        services.AddSingleton<IMessageStore, MessageStore>();
        services.AddSingleton<RoomPresenceStore>();
        services.AddSingleton<IRoomPresence>(provider => provider.GetRequiredService<RoomPresenceStore>());
        services.AddSingleton<IBusEventHandler>(provider => provider.GetRequiredService<RoomPresenceStore>());
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LockoutSettings>()
            .Bind(configuration.GetSection(LockoutSettings.SectionName))
            .Validate(s => s.MaxFailedAttempts > 0 && s.Duration > TimeSpan.Zero, "Identity:Lockout values must be positive.")
            .ValidateOnStart();
        services.AddOptions<AccountSettings>()
            .Bind(configuration.GetSection(AccountSettings.SectionName))
            .Validate(
                s => s.PasswordResetLifetime > TimeSpan.Zero && s.EmailConfirmationLifetime > TimeSpan.Zero,
                "Identity:PasswordResetLifetime and Identity:EmailConfirmationLifetime must be positive.")
            .ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<LockoutSettings>>((options, lockout) =>
        {
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = lockout.Value.MaxFailedAttempts;
            options.Lockout.DefaultLockoutTimeSpan = lockout.Value.Duration;
        });

        services.AddScoped<UserStore>();
        services.AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = UserRules.PasswordMinLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddUserManager<ClockedUserManager>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Identity's user validator checks the shape the domain's User already guards, and looks
        // up the username and email before every save, a check-then-insert that racing requests
        // pass together. The unique indexes decide instead, and ConstraintViolationInterceptor
        // makes the 409, one path for every duplicate.
        services.RemoveAll<IUserValidator<User>>();
        services.Replace(ServiceDescriptor.Singleton<ILookupNormalizer, UserKeyNormalizer>());
        services.AddScoped<IUserStore<User>>(provider => provider.GetRequiredService<UserStore>());
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<PermissionCatalogue>();
        services.AddSingleton<IPermissionCatalogue>(provider => provider.GetRequiredService<PermissionCatalogue>());
        services.AddSingleton<IBusEventHandler>(provider => provider.GetRequiredService<PermissionCatalogue>());
    }

    private static void AddAudit(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditSettings>()
            .Bind(configuration.GetSection(AuditSettings.SectionName))
            .Validate(s => s.Retention > TimeSpan.Zero, "Audit:Retention must be positive.")
            .ValidateOnStart();
        services.AddScoped<IAuditTrail, AuditTrail>();
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<EmailSettings>, EmailSettingsValidator>();
        services.AddOptions<EmailSettings>()
            .Bind(configuration.GetSection(EmailSettings.SectionName))
            .PostConfigure(settings =>
            {
                // Development may run without email settings; the emails then land in a temporary folder.
                if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(settings.PickupDirectory) && string.IsNullOrWhiteSpace(settings.Smtp.Host))
                {
                    settings.PickupDirectory = Path.Combine(Path.GetTempPath(), "chatplatform-mail");
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailSettings>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpTransport>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(provider));
        services.AddScoped<IEmailSender, EmailOutbox>();
        services.AddSingleton<EmailDispatchSignal>();
        services.AddScoped<EmailCommitWatch>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailDispatcher>());
    }

    private static void AddTokens(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<JwtSettings>, JwtSettingsValidator>();
        services.AddOptions<JwtSettings>()
            .Bind(configuration.GetSection(JwtSettings.SectionName))
            .PostConfigure(settings =>
            {
                // Development may run without a configured key; tokens then last one process run.
                if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(settings.SigningKey))
                {
                    settings.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
                }
            })
            .ValidateOnStart();

        services.AddSingleton<RevocationList>();
        services.AddSingleton<IRevocationList>(provider => provider.GetRequiredService<RevocationList>());
        services.AddSingleton<RevocationLoader>();
        services.AddSingleton<IBusEventHandler, RevocationEvents>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<RevocationMaintenance>();
        services.AddHostedService(provider => provider.GetRequiredService<RevocationMaintenance>());
    }
}
