namespace Kayako.Harness.Messenger;

/// <summary>
/// The <c>forget</c> request completed and the messenger ran the callback given to <c>forget</c>
/// (<see cref="CallLogEntryKind.ForgetCallback"/>), in the page it was called in.
/// </summary>
/// <param name="CallbackGiven">Whether <c>forget</c> was given a callback to run; with none, nothing ran.</param>
public sealed record ForgetCallbackRan(bool CallbackGiven) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.ForgetCallback;

    /// <inheritdoc />
    public override string Summary => CallbackGiven
        ? "the forget request completed; running the callback"
        : "the forget request completed; no callback was given";
}
