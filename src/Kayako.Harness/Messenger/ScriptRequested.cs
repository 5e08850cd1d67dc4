namespace Kayako.Harness.Messenger;

/// <summary>
/// The page requested a script matching <see cref="MessengerOptions.ScriptUrlPatterns"/>; the stub answers it
/// (<see cref="CallLogEntryKind.ScriptRequested"/>).
/// </summary>
/// <param name="ScriptUrl">The script's URL as requested.</param>
public sealed record ScriptRequested(string ScriptUrl) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.ScriptRequested;

    /// <inheritdoc />
    public override string Summary => ScriptUrl;
}
