using System.Text.Json;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Messenger;

public sealed class CallLogEntryTests
{
    private const string Page = "https://staging.example.com/account";

    [TestCase("TypeError: boom\n    at run (https://staging.example.com/app.js:3:9)\n    at https://staging.example.com/app.js:9:1",
        "TypeError: boom", "    at run (https://staging.example.com/app.js:3:9)\n    at https://staging.example.com/app.js:9:1")]
    [TestCase("Error: two\nlines\n    at https://staging.example.com/app.js:1:1", "Error: two\nlines", "    at https://staging.example.com/app.js:1:1")]
    [TestCase("SyntaxError: Unexpected identifier 'Brien'", "SyntaxError: Unexpected identifier 'Brien'", null)]
    public void A_page_error_is_split_into_message_and_stack_and_reads_as_reported(string reported, string message, string? stack)
    {
        var (text, frames) = PageError.Split(reported);

        (text, frames).ShouldBe((message, stack));
        new PageError(text, frames) { PageUrl = Page }.Summary.ShouldBe(reported);
    }

    [TestCase("Uncaught TypeError: kayako.hide is not a function\nmore", "TypeError: kayako.hide is not a function")]
    [TestCase("  ReferenceError: kayako is not defined  ", "ReferenceError: kayako is not defined")]
    public void A_page_errors_first_line_leaves_out_uncaught(string message, string first)
    {
        new PageError(message, null) { PageUrl = Page }.FirstLine.ShouldBe(first);
    }

    [Test]
    public void Each_entry_reads_as_a_line_of_the_log()
    {
        var arguments = new[] { JsonSerializer.SerializeToElement("Ann"), JsonSerializer.SerializeToElement(1700000000) };
        CallLogEntry[] entries =
        [
            new MessengerCall("identify", arguments) { PageUrl = Page, Sequence = 3 },
            new CallBeforeReady("hide", "TypeError: kayako.hide is not a function", new ScriptLocation(Page, 3, 9)) { PageUrl = Page, Sequence = 4 },
            new MessengerEvent("chat_window_maximized", [], MessengerVisibility.Maximized) { PageUrl = Page, Sequence = 5 },
            new ApiRequest("forget", "POST", "https://acme.kayako.com/api/v1/messenger/forget", "{}") { PageUrl = Page, Sequence = 6 },
            new ApiResponse("forget", 200, """{"forgotten":true}""") { PageUrl = Page, Sequence = 7 },
            new ApiResponse("forget", 200, """{"forgotten":true}""") { PageUrl = Page, Sequence = 8, Delivered = false },
            new BlockedRequest("GET", "https://acme.kayako.com/api/v1/conversations") { PageUrl = Page, Sequence = 9 },
            new LogLimitReached(LogLimitScope.PageErrors, 1000) { PageUrl = Page, Sequence = 10 },
        ];

        entries.Select(e => e.ToString()).ShouldBe(
        [
            "#3 Call identify(\"Ann\", 1700000000)",
            $"#4 CallBeforeReady hide(…) threw TypeError: kayako.hide is not a function (at {Page}:3:9)",
            "#5 Event chat_window_maximized, visibility now 'maximized'",
            "#6 Request forget: POST https://acme.kayako.com/api/v1/messenger/forget {}",
            "#7 Response forget: 200 {\"forgotten\":true}",
            "#8 Response forget: never delivered: the page had already navigated away or closed",
            "#9 BlockedRequest GET https://acme.kayako.com/api/v1/conversations",
            "#10 LogLimit the page threw more than 1000 uncaught errors; the rest are not logged",
        ]);
    }

    [Test]
    public void The_log_stamps_each_entry_it_adds_with_the_next_sequence_and_its_clock()
    {
        var log = new CallLog(new FixedTime(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        log.Add(new DocumentStarted { PageUrl = Page, Sequence = 41 });
        var navigation = log.Add(new Navigation(Page) { PageUrl = Page, Sequence = 7, Timestamp = DateTimeOffset.UnixEpoch });

        navigation.ShouldBeOfType<Navigation>().Url.ShouldBe(Page);
        (navigation.Sequence, navigation.Timestamp).ShouldBe((1L, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        log.Entries.Select(e => e.Kind).ShouldBe([CallLogEntryKind.DocumentStarted, CallLogEntryKind.Navigation]);
    }

    [Test]
    public void Every_visibility_has_one_wire_name_that_reads_back()
    {
        foreach (var visibility in Enum.GetValues<MessengerVisibility>())
        {
            MessengerVisibilityNames.TryParse(visibility.ToWireName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(visibility);
        }

        MessengerVisibilityNames.All.ShouldBe(["minimized", "maximized", "hidden"]);
        MessengerVisibilityNames.TryParse("Hidden", out _).ShouldBeFalse("exact lower case only, as visibility() returns it");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
