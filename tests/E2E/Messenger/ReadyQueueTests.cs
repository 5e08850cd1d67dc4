using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ReadyQueueTests(string form) : EmbedFormPageTest(form)
{
    [Test]
    public async Task Queued_callbacks_run_once_in_order_when_the_messenger_loads()
    {
        // Act
        await Page.GotoAsync(FormUrl("before-ready.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        (await Page.EvaluateAsync<string[]>("() => window.readyOrder")).ShouldBe(["first", "second", "third"]);
        var loaded = Messenger.CallLog.Entries.OfType<MessengerLoaded>().Single();
        var callbacks = Messenger.CallLog.Entries.OfType<ReadyCallbackRan>().ToList();
        callbacks.Count.ShouldBe(3);
        callbacks.ShouldAllBe(e => e.Sequence > loaded.Sequence);
        callbacks.Select(e => (e.QueuePosition, e.QueueLength)).ShouldBe([(1, 3), (2, 3), (3, 3)]);
    }

    [Test]
    public async Task Ready_after_load_runs_the_callback_at_once()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        var ranSynchronously = await Page.EvaluateAsync<bool>("() => { let ran = false; kayako.ready(() => { ran = true; }); return ran; }");

        // Assert
        ranSynchronously.ShouldBeTrue();
        await Messenger.CallLog.WaitForAsync<ReadyCallbackRan>(e => !e.Queued, TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task A_call_before_load_throws_in_the_page_as_in_production()
    {
        // Act
        await Page.GotoAsync(FormUrl("before-ready.html"));
        await Messenger.WaitForReadyAsync();

        // Assert: the page caught the TypeError itself, so, as in production, the call just did nothing.
        (await Page.TextContentAsync("#error")).ShouldBe("TypeError: kayako.maximize is not a function");
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Minimized);
        Messenger.CallLog.Entries.ShouldNotContain(e => e is CallBeforeReady && ((CallBeforeReady)e).Method == "maximize");
    }

    [Test]
    public async Task An_uncaught_call_before_load_is_logged_as_called_before_ready()
    {
        // Act
        await Page.GotoAsync(FormUrl("before-ready.html"));
        await Messenger.WaitForReadyAsync();

        // Assert: the page's uncaught hide() is seen through its error, which does not carry the arguments.
        var error = await Messenger.CallLog.WaitForAsync<PageError>(
            e => e.Message.Contains("kayako.hide is not a function", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        // A CallBeforeReady has no arguments to log: only the error is seen, not the call.
        var early = Messenger.CallLog.Entries.OfType<CallBeforeReady>().Single();
        early.Method.ShouldBe("hide");
        early.Error.ShouldBe("TypeError: kayako.hide is not a function");
        early.Where.ShouldNotBeNull().Url.ShouldContain("before-ready.html");
        early.Thrown.ShouldStartWith("TypeError: kayako.hide is not a function (at ");
        early.Sequence.ShouldBeLessThan(error.Sequence);
        early.Sequence.ShouldBeLessThan(Messenger.CallLog.Entries.OfType<MessengerLoaded>().Single().Sequence);
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Minimized);
    }
}
