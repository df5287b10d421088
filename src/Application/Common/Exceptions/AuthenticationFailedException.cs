namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>Credentials or a token were refused; becomes a 401 with the given contract code.</summary>
public sealed class AuthenticationFailedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
