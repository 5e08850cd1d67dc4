using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class MessengerOptionsTests : MessengerPageTest
{
    [Test]
    public async Task Invalid_options_are_rejected_with_every_problem_named()
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

    [TestCase(60_001)]
    [TestCase(3_600_000)]
    public void A_latency_over_a_minute_is_rejected(int milliseconds)
    {
        // Arrange
        var options = MessengerOptions.Default with { ApiLatency = TimeSpan.FromMilliseconds(milliseconds) };

        // Act
        var problems = options.Problems();

        // Assert
        problems.ShouldHaveSingleItem().ShouldStartWith($"ApiLatency is {milliseconds} ms");
    }

    [Test]
    public void A_blank_script_pattern_is_named_by_its_index()
    {
        // Act
        var problems = (MessengerOptions.Default with { ScriptUrlPatterns = ["https://*.kayakocdn.com/messenger**", " "] }).Problems();

        // Assert
        problems.ShouldHaveSingleItem().ShouldStartWith("ScriptUrlPatterns[1] is blank");
    }

    [Test]
    public void The_token_never_appears_when_options_are_printed()
    {
        // Arrange
        var options = MessengerOptions.Default with { Token = "super-secret-token-value" };

        // Act
        var printed = options.ToString();

        // Assert
        printed.ShouldNotContain("super-secret-token-value");
        printed.ShouldContain("Token = (set, hidden)");
    }
}
