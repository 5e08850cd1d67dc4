using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>A messenger event fired (<see cref="CallLogEntryKind.Event"/>), whether or not the page listens for it.</summary>
/// <param name="Name">The event: <c>chat_window_maximized</c>, <c>identified</c>, <c>unread_messages_count_changed</c>, ...</param>
/// <param name="Arguments">What listeners were passed, encoded as <see cref="MessengerCall.Arguments"/> are; empty for most events.</param>
/// <param name="Visibility">What <c>kayako.visibility()</c> returned once the event fired.</param>
public sealed record MessengerEvent(string Name, IReadOnlyList<JsonElement> Arguments, MessengerVisibility Visibility) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Event;

    /// <inheritdoc />
    public override string Summary =>
        $"{Name}{(Arguments.Count == 0 ? "" : $"({JsonArguments.Join(Arguments)})")}, visibility now '{Visibility.ToWireName()}'";
}
