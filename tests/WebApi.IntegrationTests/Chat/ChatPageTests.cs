using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

public sealed class ChatPageTests : ApiTest
{
    [Test]
    public async Task The_root_serves_the_chat_page_its_modules_and_the_official_SignalR_client_without_a_token()
    {
        var page = await Api.GetAsync("/");
        var hub = await Api.GetAsync("/js/hub.js");
        var client = await Api.GetAsync("/lib/signalr.min.js");

        Assert.That((int)page.StatusCode, Is.EqualTo(200));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<script src=\"lib/signalr.min.js\" defer></script>"));
        Assert.That(html, Does.Contain("<script type=\"module\" src=\"js/main.js\"></script>"));
        Assert.That((int)hub.StatusCode, Is.EqualTo(200));
        Assert.That(await hub.Content.ReadAsStringAsync(), Does.Contain("accessTokenFactory"));
        // The build copies the npm package's browser bundle into wwwroot/lib (git-ignored).
        Assert.That((int)client.StatusCode, Is.EqualTo(200));
        Assert.That(await client.Content.ReadAsStringAsync(), Does.Contain("HubConnectionBuilder"));
    }
}
