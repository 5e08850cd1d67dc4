using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ToggleButtonTests(string form) : EmbedFormPageTest(form)
{
    [TestCase(1, MessengerVisibility.Maximized)]
    [TestCase(2, MessengerVisibility.Minimized)]
    [TestCase(3, MessengerVisibility.Maximized)]
    [TestCase(4, MessengerVisibility.Minimized)]
    [TestCase(5, MessengerVisibility.Maximized)]
    public async Task Clicking_the_pages_own_toggle_alternates_the_messenger(int clicks, MessengerVisibility expected)
    {
        // Arrange
        await Page.GotoAsync(FormUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        for (var click = 1; click <= clicks; click++)
        {
            await Page.ClickAsync("#toggle-chat");
            await Messenger.ShouldBecomeAsync(click % 2 == 1 ? MessengerVisibility.Maximized : MessengerVisibility.Minimized);
        }

        // Assert
        (await Messenger.VisibilityAsync()).ShouldBe(expected);
        var events = 0;
        await Messenger.CallLog.WaitForAsync<MessengerEvent>(_ => ++events == clicks, TimeSpan.FromSeconds(5));
        Messenger.Events.ShouldBe(Enumerable.Range(1, clicks).Select(c => c % 2 == 1 ? "chat_window_maximized" : "chat_window_minimized"));
        Messenger.Calls.Count(c => c.Method == "visibility").ShouldBe(clicks);
    }

    [Test]
    public async Task Toggle_shows_the_panel_a_screenshot_can_see()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        await Page.ClickAsync("#toggle-chat");

        // Assert
        await Expect(Page.Locator("#kayako-messenger")).ToBeVisibleAsync();
        await Expect(Page.Locator("#kayako-messenger")).ToHaveCSSAsync("height", "600px");
        await Expect(MessengerUi).ToHaveAttributeAsync("data-kayako-state", "maximized");
    }
}
