using System.Reflection;

namespace Kayako.Harness.Messenger;

/// <summary>The stub's JavaScript, embedded in this assembly from <c>Messenger/Assets/</c>.</summary>
internal static class StubAssets
{
    private static readonly Lazy<string> LazyStub = new(() => Read("kayako-stub.js"));
    private static readonly Lazy<string> LazyObserver = new(() => Read("kayako-observer.js"));
    private static readonly Lazy<string> LazySnippet = new(() => Read("kayako-snippet.js"));

    /// <summary>The script served in place of the messenger.</summary>
    public static string Stub => LazyStub.Value;

    /// <summary>The init script that watches the snippet's <c>window.kayako</c> before the messenger loads.</summary>
    public static string Observer => LazyObserver.Value;

    /// <summary>The embed snippet injected into pages that have none.</summary>
    public static string Snippet => LazySnippet.Value;

    private static string Read(string file)
    {
        var name = $"Kayako.Harness.Messenger.Assets.{file}";
        using var stream = typeof(StubAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(StubAssets).Assembly.GetName().Name}; the build did not embed Messenger/Assets/{file}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
