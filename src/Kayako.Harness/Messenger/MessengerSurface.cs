namespace Kayako.Harness.Messenger;

/// <summary>
/// The members of <c>window.kayako</c> the messenger has: what Kayako's public docs list, and what real sites
/// use beyond them (the stub implements both; <c>undocumented-api</c> names the second kind when a site uses it).
/// </summary>
internal static class MessengerSurface
{
    /// <summary>The methods Kayako's public docs list.</summary>
    public static IReadOnlySet<string> DocumentedMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ready", "minimize", "maximize", "hide", "show", "visibility", "identify", "forget", "on",
    };

    /// <summary>Methods the messenger has that the public docs do not list.</summary>
    public static IReadOnlySet<string> UndocumentedMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "setLogLevel", "enableSounds", "disableSounds", "isInChat", "getCurrentChat", "agentsAvailable",
    };

    /// <summary>The events Kayako's public docs list for <c>kayako.on</c>.</summary>
    public static IReadOnlySet<string> DocumentedEvents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "chat_window_minimized", "chat_window_maximized", "chat_window_hidden", "chat_window_shown", "identified",
    };

    /// <summary>Events the messenger fires that the public docs do not list.</summary>
    public static IReadOnlySet<string> UndocumentedEvents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "unread_messages_count_changed", "chat_state_changed", "chat_started", "chat_ended",
    };

    /// <summary>The <c>kayako.config</c> keys the messenger reads on load (none of them in the public docs).</summary>
    public static IReadOnlySet<string> ConfigKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "styles", "forceLocale", "hideReplyTime", "hideLauncher",
    };

    /// <summary>Whether the messenger has a method of this name, documented or not.</summary>
    public static bool HasMethod(string name) => DocumentedMethods.Contains(name) || UndocumentedMethods.Contains(name);
}
