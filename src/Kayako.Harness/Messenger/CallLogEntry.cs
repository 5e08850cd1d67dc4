using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>One thing that happened between a page and the messenger, in the order it happened.</summary>
/// <param name="Sequence">Position in the log, from 0; entries from every page of a context share one sequence.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Name">
/// The method (<see cref="CallLogEntryKind.Call"/>, <see cref="CallLogEntryKind.CallBeforeReady"/>), event,
/// or API operation (<c>identify</c>, <c>forget</c>) — empty where the kind has no name.
/// </param>
/// <param name="Arguments">
/// The arguments exactly as the page passed them, as JSON values: a number stays a number and a string a
/// string, so a quoted timestamp is visible. Values JSON cannot hold are objects with a <c>$type</c>
/// (<c>{"$type":"function"}</c>, <c>{"$type":"undefined"}</c>, <c>{"$type":"bigint","value":"1"}</c>).
/// </param>
/// <param name="PageUrl">The URL of the page the entry came from.</param>
/// <param name="Detail">
/// Kind-specific detail: the error message of a page error or of a call before ready, the request body,
/// the response status and body, the URL navigated to. Never contains the messenger token.
/// </param>
/// <param name="Timestamp">When the C# side received the entry.</param>
public sealed record CallLogEntry(
    long Sequence,
    CallLogEntryKind Kind,
    string Name,
    IReadOnlyList<JsonElement> Arguments,
    string PageUrl,
    string? Detail,
    DateTimeOffset Timestamp)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"#{Sequence} {Kind} {Name}({string.Join(", ", Arguments.Select(a => a.GetRawText()))}){(Detail is null ? "" : " — " + Detail)}";
}
