using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>Options checked before any page opens, so there is no embed form to run these in.</summary>
public sealed class MessengerOptionsTests
{
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
