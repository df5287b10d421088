namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>The client of the current request, as the server sees it; null outside a request.</summary>
public interface IClientInfo
{
    string? IpAddress { get; }
    string? UserAgent { get; }
}
