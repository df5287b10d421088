using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>A server-to-client event: its name and first argument; <see cref="Taken"/> once a test waited for it.</summary>
public sealed record HubEvent(string Target, JsonElement Argument)
{
    public bool Taken { get; set; }
}
