using Kayako.Harness.Signing;

namespace Kayako.Harness.NUnit;

/// <summary>Playwright's settings ask for a browser launch that cannot work here (a headed browser with no display). The message says what to change.</summary>
internal sealed class BrowserSettingsException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was asked for, why it cannot work, and what to change.</param>
    public BrowserSettingsException(string message)
        : base(HarnessErrorCategory.Environment, message)
    {
    }
}
