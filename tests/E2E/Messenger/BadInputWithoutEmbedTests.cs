using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>
/// Bad input in which no embed form plays a part, so these specs run once while <see cref="BadInputTests"/>
/// runs per form: pages without a snippet (no-messenger.html, or a kayako object the test makes by hand), a page
/// whose own inline snippet is the point (stale-integrity.html pins an integrity hash), and options rejected
/// before any page opens.
/// </summary>
public sealed class BadInputWithoutEmbedTests : MessengerPageTest
{
    [Test]
    public async Task A_page_without_the_snippet_fails_with_a_clear_message()
    {
        // Arrange
        await Page.GotoAsync(PageUrl("no-messenger.html"));

        // Act
        var failure = await Should.ThrowAsync<MessengerNotLoadedException>(() => Messenger.WaitForReadyAsync(TimeSpan.FromMilliseconds(500)));

        // Assert
        failure.Message.ShouldContain("never requested the messenger script (no embed snippet?)");
        failure.Message.ShouldContain("MessengerOptions.InjectSnippet");
        failure.Message.ShouldContain("no-messenger.html");
    }

    [Test]
    public async Task A_script_that_is_requested_but_never_runs_fails_with_a_clear_message()
    {
        // Arrange
        await Page.GotoAsync(PageUrl("stale-integrity.html"));
        await Messenger.CallLog.WaitForAsync<ScriptRequested>(_ => true, TimeSpan.FromSeconds(5));

        // Act
        var failure = await Should.ThrowAsync<MessengerNotLoadedException>(() => Messenger.WaitForReadyAsync(TimeSpan.FromMilliseconds(500)));

        // Assert
        failure.Message.ShouldContain("requested the messenger script (https://harness-demo.kayakocdn.com/messenger) but it never loaded");
    }

    [Test]
    public async Task A_script_the_pages_policy_refuses_fails_naming_the_policy()
    {
        // Arrange: the snippet runs (inline scripts allowed), but script-src does not allow the messenger's CDN.
        await Page.RouteAsync(PageUrl("strict.html"), route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "script-src 'self' 'unsafe-inline'" },
            Body = """
                <!doctype html><html><head><script>
                  window.kayako = { readyQueue: [], ready: function (cb) { this.readyQueue.push(cb); } };
                  var s = document.createElement("script"); s.src = "https://harness-demo.kayakocdn.com/messenger"; document.head.appendChild(s);
                </script></head><body><h1>Strict</h1></body></html>
                """,
        }));
        await Page.GotoAsync(PageUrl("strict.html"));
        await Messenger.CallLog.WaitForAsync<ScriptRefused>(_ => true, TimeSpan.FromSeconds(5));

        // Act
        var failure = await Should.ThrowAsync<MessengerNotLoadedException>(() => Messenger.WaitForReadyAsync(TimeSpan.FromMilliseconds(500)));

        // Assert
        failure.Message.ShouldContain("Content-Security-Policy refused the messenger script https://harness-demo.kayakocdn.com/messenger");
        failure.Message.ShouldContain("(directive \"script-src 'self' 'unsafe-inline'\")");
        Messenger.CallLog.Entries.OfType<ScriptRequested>().ShouldBeEmpty();
    }

    [Test]
    public async Task Reading_visibility_before_load_names_the_missing_snippet()
    {
        // Arrange
        await Page.GotoAsync(PageUrl("no-messenger.html"));

        // Act
        var failure = await Should.ThrowAsync<MessengerNotLoadedException>(() => Messenger.VisibilityAsync());

        // Assert
        failure.Message.ShouldContain("has not loaded the messenger (yet)");
        failure.Message.ShouldContain("no embed snippet?");
    }

    [Test]
    public async Task Installing_with_invalid_options_names_every_problem()
    {
        // Arrange
        var options = MessengerOptions.Default with { ScriptUrlPatterns = [], ApiLatency = TimeSpan.FromMilliseconds(-5), Token = "" };

        // Act
        var failure = await Should.ThrowAsync<MessengerOptionsException>(() => MessengerStub.InstallAsync(Context, options));

        // Assert
        failure.Problems.Count.ShouldBe(3);
        failure.Message.ShouldContain("ScriptUrlPatterns is empty");
        failure.Message.ShouldContain("ApiLatency is -5 ms: it must be from 0 to 60000 ms");
        failure.Message.ShouldContain("Token is empty");
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
        var error = await Messenger.CallLog.WaitForAsync<PageError>(_ => true, TimeSpan.FromSeconds(5));
        error.Message.ShouldContain("kayako.hide is not a function");
        // Only the error is seen, not the call: a CallBeforeReady has no arguments to log.
        var early = Messenger.CallLog.Entries.OfType<CallBeforeReady>().Single();
        early.Method.ShouldBe("hide");
        early.Error.ShouldBe("TypeError: kayako.hide is not a function");
        early.Sequence.ShouldBeLessThan(error.Sequence);
    }
}
