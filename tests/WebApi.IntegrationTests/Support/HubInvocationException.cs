namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// A hub method failed. SignalR words a HubException as "An unexpected error occurred invoking
/// 'X' on the server. HubException: {message}"; <see cref="Code"/> is that message, the contract's code.
/// </summary>
public sealed class HubInvocationException(string message) : Exception(message)
{
    private const string Marker = "HubException: ";

    public string? Code => Message.LastIndexOf(Marker, StringComparison.Ordinal) is var at and >= 0 ? Message[(at + Marker.Length)..] : null;
}
