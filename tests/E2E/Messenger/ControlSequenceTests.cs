using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ControlSequenceTests(string form) : EmbedFormPageTest(form)
{
    [TestCase(new[] { "hide", "minimize", "show" }, MessengerVisibility.Minimized)]
    [TestCase(new[] { "maximize", "hide", "minimize", "show" }, MessengerVisibility.Minimized)]
    [TestCase(new[] { "hide", "maximize", "show" }, MessengerVisibility.Maximized)]
    [TestCase(new[] { "maximize", "hide", "show" }, MessengerVisibility.Maximized)]
    [TestCase(new[] { "maximize", "hide", "hide", "show", "show" }, MessengerVisibility.Maximized)]
    public async Task Show_restores_the_last_window_state(string[] calls, MessengerVisibility expected)
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        foreach (var call in calls)
        {
            await Page.ClickAsync("#" + call);
        }

        // Assert
        await Messenger.ShouldBecomeAsync(expected);
        var box = (await Page.Locator("#kayako-messenger").BoundingBoxAsync()).ShouldNotBeNull();
        box.Height.ShouldBe(expected == MessengerVisibility.Maximized ? 600 : 60);
    }

    [Test]
    public async Task Repeating_a_call_fires_its_event_once()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        await Page.ClickAsync("#maximize");
        await Page.ClickAsync("#maximize");
        await Page.ClickAsync("#maximize");
        await CallLogBarrier.SettleAsync(Page, Messenger);

        // Assert
        Messenger.Calls.Count(c => c.Method == "maximize").ShouldBe(3);
        Messenger.Events.ShouldBe(["chat_window_maximized"]);
    }

    [Test]
    public async Task Each_page_load_starts_displayed_and_minimized()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#hide");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Hidden);

        // Act
        await Page.ReloadAsync();
        await Messenger.WaitForReadyAsync();

        // Assert
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Minimized);
        await Expect(Page.Locator("#kayako-messenger")).ToBeVisibleAsync();
    }
}
