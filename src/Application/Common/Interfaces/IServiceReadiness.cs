namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>Whether the instance has reached its database and loaded what it serves from memory; until then only liveness is answered.</summary>
public interface IServiceReadiness
{
    bool IsReady { get; }
}
