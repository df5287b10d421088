using ChatPlatform.Application.Auth.Commands.Register;
using ChatPlatform.Application.Common.Behaviours;
using FluentValidation;
using ValidationException = ChatPlatform.Application.Common.Exceptions.ValidationException;

namespace ChatPlatform.Application.UnitTests;

public sealed class ValidationTests
{
    [Test]
    public void The_validation_behaviour_stops_an_invalid_request_before_its_handler_with_camel_case_fields()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        var behaviour = new ValidationBehaviour<RegisterCommand, int>([new RegisterCommandValidator()]);
        var handlerRan = false;

        var failure = Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(
            new RegisterCommand("x", "nope", "short", "other", null, null),
            CancellationToken.None,
            () => { handlerRan = true; return Task.FromResult(1); }));

        Assert.That(handlerRan, Is.False);
        Assert.That(failure!.Errors.Keys, Is.EquivalentTo(new[] { "username", "email", "password", "confirmPassword" }));
    }

    [Test]
    public async Task A_valid_request_reaches_its_handler()
    {
        var behaviour = new ValidationBehaviour<RegisterCommand, int>([new RegisterCommandValidator()]);

        var result = await behaviour.Handle(
            new RegisterCommand("alice", "alice@example.com", "Passw0rd!", "Passw0rd!", null, null),
            CancellationToken.None,
            () => Task.FromResult(42));

        Assert.That(result, Is.EqualTo(42));
    }
}
