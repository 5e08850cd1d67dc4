namespace Kayako.Harness.Messenger;

/// <summary>
/// A new document started in the top frame, before its own scripts ran (<see cref="CallLogEntryKind.DocumentStarted"/>);
/// <see cref="CallLogEntry.PageUrl"/> is its URL. A <c>history.pushState</c> route does not start one.
/// </summary>
public sealed record DocumentStarted : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.DocumentStarted;

    /// <inheritdoc />
    public override string Summary => "a new document started";
}
