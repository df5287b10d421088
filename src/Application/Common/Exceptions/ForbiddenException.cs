using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>The caller may not do this; <see cref="Details"/> become extra Problem Details members.</summary>
public sealed class ForbiddenException(string message, string code = ErrorCodes.Forbidden) : Exception(message)
{
    public string Code { get; } = code;

    public IDictionary<string, object?> Details { get; } = new Dictionary<string, object?>();
}
