using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ControlMethodTests(string form) : EmbedFormPageTest(form)
{
    private static readonly Dictionary<string, (int Width, int Height)> Sizes = new()
    {
        ["minimized"] = (60, 60),
        ["maximized"] = (370, 600),
    };

    [TestCaseSource(typeof(ControlTransition), nameof(ControlTransition.All))]
    public async Task Control_method_moves_the_messenger_to_the_documented_state(ControlTransition transition)
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();
        if (transition.From != "minimized")
        {
            await Page.ClickAsync(transition.From == "hidden" ? "#hide" : "#maximize");
        }

        MessengerVisibilityNames.TryParse(transition.From, out var from).ShouldBeTrue(transition.From);
        await Messenger.ShouldBecomeAsync(from);
        var before = (await CallLogBarrier.SettleAsync(Page, Messenger)).Sequence;

        // Act
        await Page.ClickAsync("#" + transition.Call);
        var after = await CallLogBarrier.SettleAsync(Page, Messenger);

        // Assert
        (await Messenger.VisibilityAsync()).ToWireName().ShouldBe(transition.To);
        (await Page.TextContentAsync("#result")).ShouldBe(transition.To);
        var container = Page.Locator("#kayako-messenger");
        (await container.EvaluateAsync<string>("e => getComputedStyle(e).display")).ShouldBe(transition.To == "hidden" ? "none" : "block");
        (await container.IsVisibleAsync()).ShouldBe(transition.To != "hidden");
        var expected = Sizes[transition.Window];
        (await container.EvaluateAsync<int[]>("e => [parseInt(e.style.width), parseInt(e.style.height)]")).ShouldBe([expected.Width, expected.Height]);
        if (transition.To != "hidden")
        {
            var box = (await container.BoundingBoxAsync()).ShouldNotBeNull();
            (box.Width, box.Height).ShouldBe((expected.Width, expected.Height));
        }

        var fired = Messenger.CallLog.Entries.OfType<MessengerEvent>().Where(e => e.Sequence > before && e.Sequence < after.Sequence).ToList();
        var events = fired.Select(e => e.Name);
        fired.ShouldAllBe(e => e.Visibility.ToWireName() == transition.To, "each event is logged with the state it left the messenger in");
        events.ShouldBe(transition.Events, $"events fired by {transition}");
        var listened = await Page.Locator("#events li").AllTextContentsAsync();
        listened.Skip(transition.From == "minimized" ? 0 : 1).ShouldBe(transition.Events, "events the page's kayako.on listeners received");
    }
}
