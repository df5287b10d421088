using AutoMapper;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatPlatform.Application.UnitTests;

public sealed class MappingTests
{
    private static readonly MapperConfiguration Configuration =
        new(config => config.AddMaps(typeof(UserDto).Assembly), NullLoggerFactory.Instance);

    [Test]
    public void The_mapping_configuration_is_valid() => Configuration.AssertConfigurationIsValid();

    [Test]
    public void A_user_maps_to_the_contract_shape_with_roles_and_their_permissions()
    {
        var role = Role.Create("moderator", null);
        role.Grant(Permission.Create("messages.moderate", null));
        role.Grant(Permission.Create("rooms.create", null));
        var other = Role.Create("user", null);
        other.Grant(Permission.Create("rooms.create", null));
        var user = User.Create("alice", "alice@example.com", "Alice", null, DateTimeOffset.UnixEpoch);
        user.AddRole(role);
        user.AddRole(other);

        var dto = Configuration.CreateMapper().Map<UserDto>(user);

        Assert.That(dto.Username, Is.EqualTo("alice"));
        Assert.That(dto.Roles, Is.EqualTo(new[] { "moderator", "user" }));
        Assert.That(dto.Permissions, Is.EqualTo(new[] { "messages.moderate", "rooms.create" }));
    }
}
