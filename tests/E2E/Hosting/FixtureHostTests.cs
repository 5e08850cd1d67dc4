using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hosting;

public sealed class FixtureHostTests : MessengerPageTest
{
    [Test]
    public async Task Bundled_pages_are_served_without_a_port()
    {
        // Act
        var response = await Page.GotoAsync(PageUrl("index.html"));

        // Assert
        response.ShouldNotBeNull().Status.ShouldBe(200);
        (await response.HeaderValueAsync("content-type")).ShouldBe("text/html");
        Page.Url.ShouldBe(FixtureHost.BaseUrl + "index.html");
        (await Page.Locator("a").CountAsync()).ShouldBeGreaterThanOrEqualTo(9);
    }

    [Test]
    public async Task An_unknown_page_is_a_404_that_names_it()
    {
        // Act
        var response = await Page.GotoAsync(PageUrl("missing.html"));

        // Assert
        response.ShouldNotBeNull().Status.ShouldBe(404);
        (await Page.TextContentAsync("body")).ShouldNotBeNull().ShouldContain("No page 'missing.html'");
    }

    [Test]
    public async Task A_missing_folder_is_named_in_the_error()
    {
        // Act
        var failure = await Should.ThrowAsync<DirectoryNotFoundException>(() => FixtureHost.StartAsync("/no/such/fixture/folder"));

        // Assert
        failure.Message.ShouldContain("'/no/such/fixture/folder'");
    }
}
