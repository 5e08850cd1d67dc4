using System.Text.Json;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>The call log on its own, with no page, so there is no embed form to run these in.</summary>
public sealed class CallLogTests
{
    [Test]
    public async Task A_wait_that_times_out_lists_what_was_logged()
    {
        // Arrange
        var log = new CallLog();
        log.Add(new MessengerCall("maximize", [JsonSerializer.SerializeToElement(1)]) { PageUrl = "http://harness.local/a.html" });

        // Act
        var failure = await Should.ThrowAsync<CallLogTimeoutException>(() => log.WaitForAsync<MessengerLoaded>(_ => true, TimeSpan.FromMilliseconds(50)));

        // Assert
        failure.Message.ShouldContain("within 50 ms");
        failure.Message.ShouldContain("#0 Call maximize(1)");
    }

    [Test]
    public async Task Entries_added_from_many_threads_get_distinct_ordered_sequences()
    {
        // Arrange
        var log = new CallLog();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                log.Add(new MessengerEvent("identified", [], MessengerVisibility.Minimized) { PageUrl = "" });
            }
        })));

        // Assert
        log.Entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(0, 2000).Select(i => (long)i));
    }

    [Test]
    public async Task A_wait_completes_when_the_entry_arrives_later()
    {
        // Arrange
        var log = new CallLog();
        var waiting = log.WaitForAsync<MessengerLoaded>(_ => true, TimeSpan.FromSeconds(5));

        // Act
        log.Add(new DocumentStarted { PageUrl = "" });
        log.Add(new MessengerLoaded("https://acme.kayakocdn.com/messenger", null, null, MessengerEmbedForm.InPage) { PageUrl = "" });

        // Assert
        var loaded = await waiting;
        (loaded.Sequence, loaded.Form).ShouldBe((1L, MessengerEmbedForm.InPage));
    }
}
