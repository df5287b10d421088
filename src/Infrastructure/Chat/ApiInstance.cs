namespace ChatPlatform.Infrastructure.Chat;

/// <summary>This running instance of the API, as the presence table knows it.</summary>
internal sealed class ApiInstance
{
    public Guid Id { get; } = Guid.CreateVersion7();
}
