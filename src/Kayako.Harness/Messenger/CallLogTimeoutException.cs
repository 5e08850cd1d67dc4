namespace Kayako.Harness.Messenger;

/// <summary>An awaited call log entry never came. The message lists what was logged instead.</summary>
public sealed class CallLogTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was awaited, for how long, and the log's entries.</param>
    public CallLogTimeoutException(string message)
        : base(message)
    {
    }
}
