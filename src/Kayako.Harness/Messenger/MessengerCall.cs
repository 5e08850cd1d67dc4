using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>A messenger method the page called after the messenger loaded (<see cref="CallLogEntryKind.Call"/>).</summary>
/// <param name="Method">The method: <c>identify</c>, <c>maximize</c>, <c>setLogLevel</c>, ...</param>
/// <param name="Arguments">
/// The arguments exactly as the page passed them, as JSON values: a number stays a number and a string a
/// string, so a quoted timestamp is visible. Values JSON cannot hold are objects with a <c>$type</c>
/// (<c>{"$type":"function"}</c>, <c>{"$type":"undefined"}</c>, <c>{"$type":"bigint","value":"1"}</c>).
/// </param>
public sealed record MessengerCall(string Method, IReadOnlyList<JsonElement> Arguments) : CallLogEntry
{
    /// <summary>
    /// What the method returned to the page, encoded as the arguments are (<c>visibility()</c>'s
    /// <c>"minimized"</c>, <c>isInChat()</c>'s <c>false</c>, <c>getCurrentChat()</c>'s <c>null</c>);
    /// <see langword="null"/> for a method that returns nothing.
    /// </summary>
    public JsonElement? Returned { get; init; }

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Call;

    /// <inheritdoc />
    public override string Summary =>
        $"{Method}({JsonArguments.Join(Arguments)}){(Returned is { } returned ? $" returned {returned.GetRawText()}" : "")}";
}
