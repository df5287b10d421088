namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>A dependency (the database) cannot serve the request now; the client should retry shortly (503 <c>unavailable</c>).</summary>
public sealed class UnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
