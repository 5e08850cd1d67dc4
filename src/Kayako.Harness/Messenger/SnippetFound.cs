namespace Kayako.Harness.Messenger;

/// <summary>
/// When the top page's load event fired, <c>window.kayako</c> held the snippet's object
/// (<see cref="CallLogEntryKind.SnippetFound"/>): the messenger is on its way, or its script URL does not match
/// <see cref="MessengerOptions.ScriptUrlPatterns"/>.
/// </summary>
public sealed record SnippetFound : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.SnippetFound;

    /// <inheritdoc />
    public override string Summary => "window.kayako held the snippet object when the page loaded";
}
