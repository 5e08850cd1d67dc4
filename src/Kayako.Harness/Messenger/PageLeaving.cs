namespace Kayako.Harness.Messenger;

/// <summary>
/// The top-level page started to leave for another document: its <c>beforeunload</c> fired
/// (<see cref="CallLogEntryKind.Leaving"/>). Recorded by the page itself, so it is ordered with the page's own
/// calls; a <c>history.pushState</c> route does not fire it.
/// </summary>
public sealed record PageLeaving : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Leaving;

    /// <inheritdoc />
    public override string Summary => "the page started to leave (beforeunload)";
}
