using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Hosting;

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
