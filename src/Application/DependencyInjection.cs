using System.Reflection;
using System.Text.Json;
using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Behaviours;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        foreach (var (service, implementation) in FindRequestHandlers(assembly))
        {
            services.AddScoped(service, implementation);
        }

        // Field names in `errors` follow the JSON contract (camelCase), not C# member names.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        services.AddAutoMapper(
            (provider, config) => config.LicenseKey = LicenseKey(provider.GetRequiredService<IConfiguration>()),
            assembly);

        services.AddScoped<SessionTokens>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<RefreshTokenLookup>();
        services.AddScoped<TwoFactorCodes>();
        services.AddScoped<LoginRefusals>();
        services.AddScoped<AccountCodes>();
        services.AddScoped<AdminChange>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AdminChangeBehaviour<,>));
        services.AddSingleton<KnownRooms>();
        services.AddSingleton<IBusEventHandler>(provider => provider.GetRequiredService<KnownRooms>());
        return services;
    }

    private static string? LicenseKey(IConfiguration configuration) =>
        configuration["AutoMapper:LicenseKey"] ?? configuration["AUTOMAPPER_LICENSE_KEY"];

    private static IEnumerable<(Type Service, Type Implementation)> FindRequestHandlers(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
        select (service, type);
}
