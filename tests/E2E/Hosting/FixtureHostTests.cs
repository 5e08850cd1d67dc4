using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;
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
    public void A_missing_folder_is_named_in_the_error()
    {
        // Act
        var failure = Should.Throw<DirectoryNotFoundException>(() => FixtureHost.StartAsync("/no/such/fixture/folder"));

        // Assert
        failure.Message.ShouldContain("'/no/such/fixture/folder'");
    }
}

public sealed class FolderFixtureHostTests : MessengerPageTest
{
    protected override string? FixtureFolder => RepositoryFixtures.PathOf("pages");

    [Test]
    public async Task A_folder_of_pages_is_served_in_place_of_the_bundled_ones()
    {
        // Act
        await Page.GotoAsync(PageUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#toggle-chat");

        // Assert
        Host.Description.ShouldBe(RepositoryFixtures.PathOf("pages"));
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
    }
}
