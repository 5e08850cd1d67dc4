using System.Text;

namespace Kayako.Harness.Messenger;

/// <summary>
/// How the messenger stub is installed into a browser context. Immutable: derive variants with
/// <c>with</c>. Checked once by <see cref="Validate"/> (and by <see cref="MessengerStub.InstallAsync"/>).
/// </summary>
public sealed record MessengerOptions
{
    /// <summary>The longest simulated API latency accepted: a minute.</summary>
    public static readonly TimeSpan MaxApiLatency = TimeSpan.FromSeconds(60);

    /// <summary>The defaults: the real messenger's script URLs, 200 ms of API latency, no token, no injected snippet.</summary>
    public static MessengerOptions Default { get; } = new();

    /// <summary>
    /// Playwright glob patterns of the messenger script URL that the stub answers in place of Kayako's CDN.
    /// The real snippet loads <c>https://&lt;brand&gt;.kayakocdn.com/messenger/...</c>, which the default matches.
    /// </summary>
    public IReadOnlyList<string> ScriptUrlPatterns { get; init; } = ["https://*.kayakocdn.com/messenger**"];

    /// <summary>
    /// How long the fake Kayako API takes to answer <c>identify</c> and <c>forget</c>: a page that leaves
    /// before <c>forget</c>'s callback shows up only when the answer is not instant. From 0 to 60 seconds.
    /// </summary>
    public TimeSpan ApiLatency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The messenger's identity-verification token, so the fake API can verify signatures; without it
    /// identities are accepted unverified. Never logged, printed or included in <see cref="ToString"/>.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>
    /// Adds the Kayako embed snippet to pages that have none, so a page without the widget can still be
    /// driven. Pages that create <c>window.kayako</c> themselves keep their own snippet.
    /// </summary>
    public bool InjectSnippet { get; init; }

    /// <summary>
    /// Holds the messenger script back until this task completes, as a slow network does; the script is
    /// answered at once when <see langword="null"/>.
    /// </summary>
    internal Task? ScriptRelease { get; init; }

    /// <summary>Every problem with these options, each naming the option, its value and what is allowed.</summary>
    /// <returns>An empty list when the options are usable.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ScriptUrlPatterns is null || ScriptUrlPatterns.Count == 0)
        {
            problems.Add($"{nameof(ScriptUrlPatterns)} is empty: give at least one URL glob of the messenger script, such as \"https://*.kayakocdn.com/messenger**\".");
        }
        else
        {
            for (var index = 0; index < ScriptUrlPatterns.Count; index++)
            {
                if (string.IsNullOrWhiteSpace(ScriptUrlPatterns[index]))
                {
                    problems.Add($"{nameof(ScriptUrlPatterns)}[{index}] is blank: give a URL glob such as \"https://*.kayakocdn.com/messenger**\".");
                }
            }
        }

        if (ApiLatency < TimeSpan.Zero || ApiLatency > MaxApiLatency)
        {
            problems.Add($"{nameof(ApiLatency)} is {ApiLatency.TotalMilliseconds} ms: it must be from 0 to {MaxApiLatency.TotalMilliseconds:0} ms.");
        }

        if (Token is { Length: 0 })
        {
            problems.Add($"{nameof(Token)} is empty: give the messenger's token, or leave it null to accept identities unverified.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="MessengerOptionsException">The options are unusable; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new MessengerOptionsException(problems);
        }
    }

    // The token is a secret: the compiler-generated ToString would print it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"{nameof(ScriptUrlPatterns)} = [{string.Join(", ", ScriptUrlPatterns ?? [])}], ");
        builder.Append($"{nameof(ApiLatency)} = {ApiLatency}, ");
        builder.Append($"{nameof(Token)} = {(Token is null ? "null" : "(set, hidden)")}, ");
        builder.Append($"{nameof(InjectSnippet)} = {InjectSnippet}");
        return true;
    }
}
