using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

public sealed class HubFailureLoggingTests : ChatTest
{
    [Test]
    public async Task Repeated_failing_hub_calls_log_no_stack_traces()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);
        Factory.Logs.Clear();

        for (var i = 0; i < 30; i++)
        {
            Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("JoinRoom", "nowhere"));
            Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "general", "nul\u0000"));
            Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "nowhere", "hello"));
        }

        var traces = Factory.Logs.Lines.Where(line => line.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.That(traces, Is.Empty, string.Join("\n", traces.Take(3)));
    }
}
