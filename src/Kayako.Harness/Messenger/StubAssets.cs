using System.Reflection;

namespace Kayako.Harness.Messenger;

/// <summary>The stub's JavaScript, embedded in this assembly from <c>Messenger/Assets/</c>.</summary>
internal static class StubAssets
{
    /// <summary>The placeholder in the scripts that <see cref="ForChannel"/> replaces with the session's channel name.</summary>
    private const string ChannelPlaceholder = "__KAYAKO_HARNESS_CHANNEL__";

    /// <summary>The placeholder in the channel script for the prefix of its console messages.</summary>
    private const string PrefixPlaceholder = "__KAYAKO_HARNESS_PREFIX__";

    /// <summary>The placeholder in the channel script for the messenger's methods (MessengerSurface), as a JSON array.</summary>
    private const string MembersPlaceholder = "__KAYAKO_HARNESS_MEMBERS__";

    /// <summary>The placeholder in the channel script for the messenger script URL patterns, as a JSON array of regex sources.</summary>
    private const string PatternsPlaceholder = "__KAYAKO_HARNESS_SCRIPT_PATTERNS__";

    private static readonly Lazy<string> LazyStub = new(() => Read("kayako-stub.js"));
    private static readonly Lazy<string> LazyChannel = new(() => Read("kayako-channel.js"));
    private static readonly Lazy<string> LazySnippet = new(() => Read("kayako-snippet.js"));

    /// <summary>The script served in place of the messenger, with the channel placeholder still in it.</summary>
    public static string Stub => LazyStub.Value;

    /// <summary>The init script that keeps the private channel to the harness in every frame.</summary>
    public static string Channel => LazyChannel.Value;

    /// <summary>The embed snippet injected into pages that have none.</summary>
    public static string Snippet => LazySnippet.Value;

    /// <summary>A script with the session's channel name in place of the placeholder.</summary>
    public static string ForChannel(string script, string channel) => script.Replace(ChannelPlaceholder, channel, StringComparison.Ordinal);

    /// <summary>
    /// The channel init script for one session: its channel name, the prefix of its console messages (a secret
    /// only this script holds) and the messenger script URLs it hands the channel to.
    /// </summary>
    public static string ChannelFor(string channel, string prefix, IEnumerable<string> scriptUrlPatterns) =>
        ForChannel(Channel, channel)
            .Replace(PrefixPlaceholder, prefix, StringComparison.Ordinal)
            .Replace(MembersPlaceholder, System.Text.Json.JsonSerializer.Serialize(
                MessengerSurface.DocumentedMethods.Concat(MessengerSurface.UndocumentedMethods).Where(name => name != "ready").Order(StringComparer.Ordinal)), StringComparison.Ordinal)
            .Replace(PatternsPlaceholder, System.Text.Json.JsonSerializer.Serialize(scriptUrlPatterns.Select(UrlGlob.ToRegexSource).ToArray()), StringComparison.Ordinal);

    private static string Read(string file)
    {
        var name = $"Kayako.Harness.Messenger.Assets.{file}";
        using var stream = typeof(StubAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(StubAssets).Assembly.GetName().Name}; the build did not embed Messenger/Assets/{file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
