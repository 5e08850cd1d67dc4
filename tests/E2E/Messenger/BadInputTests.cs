using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class BadInputTests(string form) : EmbedFormPageTest(form)
{
    [Test]
    public async Task Wrong_argument_counts_are_recorded_as_passed()
    {
        // Act
        await Page.GotoAsync(FormUrl("wrong-arguments.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        var maximize = Messenger.Calls.Single(c => c.Method == "maximize");
        maximize.Arguments.Select(a => a.GetRawText()).ShouldBe(["\"now\"", "1"]);
        var on = Messenger.Calls.Single(c => c.Method == "on");
        on.Arguments.Select(a => a.GetRawText()).ShouldBe(["\"chat_window_shown\""]);
    }

    [Test]
    public async Task Wrong_argument_types_are_recorded_as_passed()
    {
        // Act
        await Page.GotoAsync(FormUrl("wrong-arguments.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        var identifies = Messenger.Calls.Where(c => c.Method == "identify").ToList();
        identifies[0].Arguments.Select(a => a.GetRawText()).ShouldBe(["\"Milo Wrong\""]);
        identifies[1].Arguments.Select(a => a.GetRawText()).ShouldBe(["42", "null", """{"$type":"undefined"}""", "\"1700000000\""]);
    }

    [Test]
    public async Task Identify_with_missing_or_mistyped_arguments_is_rejected_by_the_api()
    {
        // Act
        await Page.GotoAsync(FormUrl("wrong-arguments.html"));
        var responses = 0;
        await Messenger.CallLog.WaitForAsync<ApiResponse>(_ => ++responses == 2, TimeSpan.FromSeconds(5));

        // Assert
        var answers = Messenger.CallLog.Entries.OfType<ApiResponse>().ToList();
        answers.ShouldAllBe(a => a.Operation == "identify" && a.Status == 400 && a.Body.Contains("\"verification\":\"rejected\""));
        // The two requests are answered concurrently, so in either order.
        answers.ShouldContain(a => a.Body.Contains("name must be a string; email must be a string; signature must be a string\"", StringComparison.Ordinal));
        answers.ShouldContain(a => a.Body.Contains("email must be a string; signature must be a string; timestamp must be a Unix time in whole seconds", StringComparison.Ordinal));
        Session.Identity.ShouldBeNull();
        Messenger.Events.ShouldNotContain("identified");
    }

    [Test]
    public async Task Functions_and_undefined_are_logged_with_their_type()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        await Page.EvaluateAsync("() => kayako.hide(() => 1, undefined, { nested: [undefined, NaN] })");

        // Assert
        var hide = await Messenger.CallLog.WaitForAsync<MessengerCall>(c => c.Method == "hide", TimeSpan.FromSeconds(5));
        hide.Arguments.Select(a => a.GetRawText()).ShouldBe(
            ["""{"$type":"function"}""", """{"$type":"undefined"}""", """{"nested":[{"$type":"undefined"},{"$type":"number","value":"NaN"}]}"""]);
    }

    [Test]
    public async Task An_uncaught_page_error_is_logged()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        await Page.EvaluateAsync("() => { kayako.on('chat_window_maximized', () => { throw new Error('listener broke'); }); kayako.maximize(); }");

        // Assert
        var error = await Messenger.CallLog.WaitForAsync<PageError>(_ => true, TimeSpan.FromSeconds(5));
        error.Message.ShouldContain("listener broke");
        error.Stack.ShouldNotBeNull().ShouldContain("    at ");
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Maximized);
    }

    [Test]
    public async Task Requests_to_real_Kayako_hosts_are_blocked_and_logged()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        var outcome = await Page.EvaluateAsync<string>("() => fetch('https://acme.kayako.com/api/v1/conversations').then(() => 'answered', () => 'failed')");

        // Assert
        outcome.ShouldBe("failed");
        var blocked = Messenger.CallLog.Entries.OfType<BlockedRequest>().Single();
        (blocked.HttpMethod, blocked.Url).ShouldBe(("GET", "https://acme.kayako.com/api/v1/conversations"));
    }
}
