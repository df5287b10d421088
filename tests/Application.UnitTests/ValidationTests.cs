using ChatPlatform.Application.Auth.Commands.Register;
using ChatPlatform.Application.Users.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ValidationException = ChatPlatform.Application.Common.Exceptions.ValidationException;

namespace ChatPlatform.Application.UnitTests;

/// <summary>The request pipeline exactly as <see cref="DependencyInjection.AddApplication"/> configures it.</summary>
public sealed class ValidationTests
{
    private ServiceProvider _services = null!;

    [SetUp]
    public void BuildTheApplicationsServices() => _services = new ServiceCollection().AddApplication().BuildServiceProvider();

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [Test]
    public void An_invalid_request_stops_before_its_handler_with_camel_case_fields()
    {
        var handlerRan = false;

        var failure = Assert.ThrowsAsync<ValidationException>(() => RunPipelineAsync(
            new RegisterCommand("x", "nope", "short", "other", null, null),
            () => { handlerRan = true; return Task.FromResult<UserDto>(null!); }));

        Assert.That(handlerRan, Is.False);
        Assert.That(failure!.Errors.Keys, Is.EquivalentTo(new[] { "username", "email", "password", "confirmPassword" }));
    }

    [Test]
    public async Task A_valid_request_reaches_its_handler()
    {
        var handlerRan = false;

        await RunPipelineAsync(
            new RegisterCommand("alice", "alice@example.com", "Passw0rd!", "Passw0rd!", null, null),
            () => { handlerRan = true; return Task.FromResult<UserDto>(null!); });

        Assert.That(handlerRan, Is.True);
    }

    private async Task RunPipelineAsync(RegisterCommand request, RequestHandlerDelegate<UserDto> handler)
    {
        await using var scope = _services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetServices<IPipelineBehavior<RegisterCommand, UserDto>>()
            .Reverse()
            .Aggregate(handler, (next, behaviour) => () => behaviour.Handle(request, CancellationToken.None, next));
        await pipeline();
    }
}
