namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>A well-formed request that is refused with a specific contract code (such as <c>invalid_code</c>); becomes a 400.</summary>
public sealed class InvalidRequestException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}
