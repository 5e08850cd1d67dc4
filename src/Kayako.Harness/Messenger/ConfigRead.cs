using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>
/// The page set <c>kayako.config</c> before the messenger loaded, and the messenger read it on load
/// (<see cref="CallLogEntryKind.Config"/>).
/// </summary>
/// <param name="Config">The object, encoded as <see cref="MessengerCall.Arguments"/> are.</param>
public sealed record ConfigRead(JsonElement Config) : CallLogEntry
{
    /// <summary>The object's keys, in the page's order; empty when it is not an object.</summary>
    public IReadOnlyList<string> Keys =>
        Config.ValueKind == JsonValueKind.Object ? [.. Config.EnumerateObject().Select(p => p.Name)] : [];

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Config;

    /// <inheritdoc />
    public override string Summary => Config.ValueKind == JsonValueKind.Object
        ? $"kayako.config set before load: {string.Join(", ", Keys)}"
        : $"kayako.config set before load, not an object: {Config.GetRawText()}";
}
