using System.Security.Cryptography;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Users;
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

namespace ChatPlatform.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ConstraintViolationInterceptor>();
        services.AddDbContext<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(ConnectionString(provider.GetRequiredService<IConfiguration>()))
            .AddInterceptors(provider.GetRequiredService<ConstraintViolationInterceptor>()));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());

        AddIdentity(services, configuration);
        AddTokens(services, configuration, environment);
        AddEmail(services, configuration);

        services.AddOptions<BootstrapAdminSettings>().Bind(configuration.GetSection(BootstrapAdminSettings.SectionName));
        services.AddHostedService<DatabaseInitialiser>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Connections one instance may hold when the connection string does not say (<c>Maximum Pool Size</c>).</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// The configured connection string, with the pool bounded to <see cref="DefaultMaxPoolSize"/>
    /// unless it sets <c>Maximum Pool Size</c> itself: Npgsql's own default (100) lets one burst
    /// of requests on one instance take every connection a default PostgreSQL allows.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is required (environment variable ConnectionStrings__{ConnectionStringName}).");
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal) is var k
                && (k.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || k.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase))))
        {
            return configured;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(configured) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LockoutSettings>()
            .Bind(configuration.GetSection(LockoutSettings.SectionName))
            .Validate(s => s.MaxFailedAttempts > 0 && s.Duration > TimeSpan.Zero, "Identity:Lockout values must be positive.")
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
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = UserRules.PasswordMinLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddUserManager<ClockedUserManager>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IUserStore<User>>(provider => provider.GetRequiredService<UserStore>());
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<IPermissionCatalogue, PermissionCatalogue>();
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailSettings>().Bind(configuration.GetSection(EmailSettings.SectionName));
        services.AddSingleton<IEmailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailSettings>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(provider));
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
        services.AddSingleton<IRevocationPublisher, LocalRevocationPublisher>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<RevocationMaintenance>();
        services.AddHostedService(provider => provider.GetRequiredService<RevocationMaintenance>());
    }
}
