using Kayako.Harness.Signing;

namespace Kayako.Harness.NUnit;

/// <summary>
/// The test run's settings ask for something that cannot work here: Playwright's, for a browser launch (a headed browser
/// with no display), or Kayako.Harness's own (an unknown <c>KAYAKO_HARNESS_TRACE</c>). The message says what to change.
/// </summary>
internal sealed class TestSettingsException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was asked for, why it cannot work, and what to change.</param>
    public TestSettingsException(string message)
        : base(HarnessErrorCategory.Environment, message)
    {
    }
}
