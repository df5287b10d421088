namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>The request clashes with existing state; <see cref="Field"/> names the clashing field, if one.</summary>
public sealed class ConflictException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}
