using System.Text.Json.Serialization;

namespace ChatPlatform.Application.Common.Events;

/// <summary>
/// Something every API instance must apply, the one that caused it included. Events of a stored
/// change travel inside the transaction that stores it, so an event exists only if its change
/// committed; see <see cref="Interfaces.IEventBus"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageStored), "message_stored")]
[JsonDerivedType(typeof(MessageDeleted), "message_deleted")]
[JsonDerivedType(typeof(RoomCreated), "room_created")]
[JsonDerivedType(typeof(RoomDeleted), "room_deleted")]
[JsonDerivedType(typeof(UserJoinedRoom), "user_joined")]
[JsonDerivedType(typeof(UserLeftRoom), "user_left")]
[JsonDerivedType(typeof(UserTypingInRoom), "user_typing")]
[JsonDerivedType(typeof(SessionsRevoked), "sessions_revoked")]
[JsonDerivedType(typeof(PermissionsChanged), "permissions_changed")]
public abstract record BusEvent
{
    /// <summary>Lets the instance that sent the event know when it has applied it itself.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
}
