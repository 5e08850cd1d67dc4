using Kayako.Harness.Signing;

namespace Kayako.Harness.Hosting;

/// <summary>No Chromium could be found to run the pages in. The message says how to install one.</summary>
public sealed class BrowserNotFoundException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was looked for, where, and the install command.</param>
    public BrowserNotFoundException(string message)
        : base(HarnessErrorCategory.Environment, message)
    {
    }
}
