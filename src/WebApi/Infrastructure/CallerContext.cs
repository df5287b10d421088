namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The HTTP request a service scope works for, set where that work starts: by
/// <see cref="CallerContextFilter"/> for controller actions and by
/// <see cref="Hubs.HubCallerContextFilter"/> for hub calls. It replaces
/// <c>IHttpContextAccessor</c>, whose mere registration costs every request an async-local
/// write and a fresh <c>HttpContext</c> (measured in docs/benchmarks.md).
/// </summary>
internal sealed class CallerContext
{
    public HttpContext? HttpContext { get; set; }
}
