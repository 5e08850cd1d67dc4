namespace Kayako.Harness.Messenger;

/// <summary>
/// The lower-case names <c>visibility()</c> returns, which the configuration, the stub's UI
/// (<c>data-kayako-state</c>) and its messages use: the one place they are written in C#.
/// </summary>
public static class MessengerVisibilityNames
{
    /// <summary>Every allowed name, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. new[] { MessengerVisibility.Minimized, MessengerVisibility.Maximized, MessengerVisibility.Hidden }.Select(ToWireName)];

    /// <summary>The wire name: <c>minimized</c>, <c>maximized</c> or <c>hidden</c>.</summary>
    /// <param name="visibility">The state.</param>
    /// <returns>The lower-case name.</returns>
    public static string ToWireName(this MessengerVisibility visibility) => visibility switch
    {
        MessengerVisibility.Minimized => "minimized",
        MessengerVisibility.Maximized => "maximized",
        MessengerVisibility.Hidden => "hidden",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Not a messenger visibility."),
    };

    /// <summary>Reads a wire name; exact lower case only, as <c>visibility()</c> returns it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="visibility">The state, when the name is known.</param>
    /// <returns>Whether the name is one of <see cref="All"/>.</returns>
    public static bool TryParse(string? name, out MessengerVisibility visibility)
    {
        foreach (var candidate in Enum.GetValues<MessengerVisibility>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.Ordinal))
            {
                visibility = candidate;
                return true;
            }
        }

        visibility = default;
        return false;
    }
}
