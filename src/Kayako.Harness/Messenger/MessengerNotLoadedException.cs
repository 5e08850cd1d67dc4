using Kayako.Harness.Signing;

namespace Kayako.Harness.Messenger;

/// <summary>
/// The page never loaded the messenger: it never requested the script (no embed snippet, or a script URL
/// the options do not match), or requested it and never ran it. The message says which, and the fix.
/// </summary>
public sealed class MessengerNotLoadedException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was seen, the likely cause, the fix, and the call log.</param>
    public MessengerNotLoadedException(string message)
        : base(HarnessErrorCategory.Finding, message)
    {
    }
}
