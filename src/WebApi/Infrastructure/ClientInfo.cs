using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Sessions;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>The request's client: its address as the connection gives it, and its User-Agent, each cut to its column's bound.</summary>
internal sealed class ClientInfo(CallerContext caller) : IClientInfo
{
    public string? IpAddress =>
        caller.HttpContext?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;

    public string? UserAgent =>
        caller.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
            ? agent.Length <= Session.UserAgentMaxLength ? agent : agent[..Session.UserAgentMaxLength]
            : null;
}
