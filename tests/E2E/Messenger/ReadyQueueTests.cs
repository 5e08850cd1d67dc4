using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class ReadyQueueTests : MessengerPageTest
{
    [Test]
    public async Task Queued_callbacks_run_once_in_order_when_the_messenger_loads()
    {
        // Act
        await Page.GotoAsync(PageUrl("before-ready.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        (await Page.EvaluateAsync<string[]>("() => window.readyOrder")).ShouldBe(["first", "second", "third"]);
        var loaded = Messenger.CallLog.Entries.Single(e => e.Kind == CallLogEntryKind.Loaded);
        var callbacks = Messenger.CallLog.Entries.Where(e => e.Kind == CallLogEntryKind.ReadyCallback).ToList();
        callbacks.Count.ShouldBe(3);
        callbacks.ShouldAllBe(e => e.Sequence > loaded.Sequence);
        callbacks.Select(e => e.Detail).ShouldBe(["queued callback 1 of 3", "queued callback 2 of 3", "queued callback 3 of 3"]);
    }

    [Test]
    public async Task Ready_after_load_runs_the_callback_at_once()
    {
        // Arrange
        await Page.GotoAsync(PageUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        var ranSynchronously = await Page.EvaluateAsync<bool>("() => { let ran = false; kayako.ready(() => { ran = true; }); return ran; }");

        // Assert
        ranSynchronously.ShouldBeTrue();
        await Messenger.CallLog.WaitForAsync(e => e.Kind == CallLogEntryKind.ReadyCallback && e.Detail == "called after load", TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task A_call_before_load_throws_in_the_page_as_in_production()
    {
        // Act
        await Page.GotoAsync(PageUrl("before-ready.html"));
        await Messenger.WaitForReadyAsync();

        // Assert: the page caught the TypeError itself, so, as in production, the call just did nothing.
        (await Page.TextContentAsync("#error")).ShouldBe("TypeError: kayako.maximize is not a function");
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Minimized);
        Messenger.CallLog.Entries.ShouldNotContain(e => e.Kind == CallLogEntryKind.CallBeforeReady);
    }

    [Test]
    public async Task An_uncaught_call_before_load_is_a_page_error_too()
    {
        // Arrange
        await Page.GotoAsync(PageUrl("no-messenger.html"));
        await Page.EvaluateAsync("() => { window.kayako = { readyQueue: [], ready(cb) { this.readyQueue.push(cb); } }; }");

        // Act
        await Page.EvaluateAsync("() => setTimeout(() => kayako.hide('soon'))");

        // Assert
        var error = await Messenger.CallLog.WaitForAsync(e => e.Kind == CallLogEntryKind.PageError, TimeSpan.FromSeconds(5));
        error.Detail.ShouldNotBeNull().ShouldContain("kayako.hide is not a function");
        var early = Messenger.CallLog.Entries.Single(e => e.Kind == CallLogEntryKind.CallBeforeReady);
        early.Name.ShouldBe("hide");
        early.Arguments.ShouldBeEmpty("only the error is seen, not the call");
        early.Detail.ShouldNotBeNull().ShouldStartWith("TypeError: kayako.hide is not a function");
        early.Sequence.ShouldBeLessThan(error.Sequence);
    }
}
