using Kayako.Harness.Signing;

namespace Kayako.Harness.Checking;

/// <summary>
/// The remote browser of <c>browser.connect</c> (or <c>--connect</c>) could not be reached in time. The message
/// names the endpoint without its credentials or query; the command exits 3.
/// </summary>
public sealed class RemoteBrowserException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which endpoint, what went wrong and what to check; no credentials.</param>
    public RemoteBrowserException(string message)
        : base(HarnessErrorCategory.Environment, message)
    {
    }
}
