using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>
/// The messenger stub installed in one browser context (see <see cref="MessengerStub.InstallAsync"/>): its
/// call log, the fake Kayako API's view of the user, and a handle per page.
/// </summary>
public sealed class MessengerSession : IAsyncDisposable
{
    // Kayako's own hosts: anything not faked is aborted so a test never reaches Kayako's servers.
    private static readonly string[] KayakoHosts = ["https://*.kayako.com/**", "https://*.kayako.net/**", "https://*.kayakocdn.com/**"];

    // The stub sends identify and forget to <_settings.apiUrl>/messenger/<operation>; its body names the session,
    // so a site's own endpoint of the same name is left alone.
    private static readonly string[] ApiOperations = ["**/messenger/identify", "**/messenger/forget"];

    private const int MaxPageErrors = 1000;

    // The page-side script's console messages start with this and a secret of this many random bytes, in hex.
    private const string PrefixStart = "kayako-harness:";
    private const int PrefixSecretBytes = 16;

    private readonly CancellationTokenSource _stopping = new();
    private readonly FakeKayakoApi _api;
    private readonly string _channel = "kayako-harness-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly string _prefix;

    // The messenger script URLs, as the routes match them: a Content-Security-Policy refusal of one is logged.
    private readonly Regex[] _scriptUrls;

    internal MessengerSession(IBrowserContext context, MessengerOptions options)
    {
        Context = context;
        Options = options;
        _scriptUrls = [.. options.ScriptUrlPatterns.Select(glob => new Regex(UrlGlob.ToRegexSource(glob), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
        _prefix = $"{PrefixStart}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixSecretBytes))} ";
        _api = new FakeKayakoApi(CallLog, options, _channel, _stopping.Token);
    }

    /// <summary>The browser context the stub is installed in.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The options the stub was installed with.</summary>
    public MessengerOptions Options { get; }

    /// <summary>Every call, event, request, response, page error and navigation in this context, in order.</summary>
    public CallLog CallLog { get; } = new();

    /// <summary>
    /// The user the fake Kayako API has identified: set by an accepted <c>identify</c>, cleared by
    /// <c>forget</c>; <see langword="null"/> when nobody is identified.
    /// </summary>
    public MessengerIdentity? Identity => _api.Identity;

    /// <summary>A handle on the messenger in one page of this context.</summary>
    /// <param name="page">A page of <see cref="Context"/>.</param>
    /// <returns>The page's messenger.</returns>
    public MessengerPage For(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new MessengerPage(this, page);
    }

    /// <summary>Stops pending fake API answers.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    /// <summary>Whether a console message is one of a session's own channel messages (not the page's).</summary>
    internal static bool IsChannelMessage(string text)
    {
        const int SecretLength = PrefixSecretBytes * 2;
        return text.StartsWith(PrefixStart, StringComparison.Ordinal) && text.Length > PrefixStart.Length + SecretLength &&
               text[PrefixStart.Length + SecretLength] == ' ' &&
               !text.AsSpan(PrefixStart.Length, SecretLength).ContainsAnyExcept("0123456789abcdef");
    }

    /// <summary>The stub as this session serves it: it finds this session's private channel.</summary>
    internal string StubScript => StubAssets.ForChannel(StubAssets.Stub, _channel);

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        // The page-side scripts report over console.debug with this session's prefix: nothing a page can see
        // (no exposed binding, no global), and in order with the page's errors. The init script hands the channel
        // to the messenger's own <script> element, so the stub finds it without a global or an event.
        Context.Console += (_, message) => OnConsoleMessage(message);
        await Context.AddInitScriptAsync(StubAssets.ChannelFor(_channel, _prefix, Options.ScriptUrlPatterns)).WaitAsync(cancellationToken);
        if (Options.InjectSnippet)
        {
            await Context.AddInitScriptAsync(StubAssets.Snippet).WaitAsync(cancellationToken);
        }

        // Later routes take precedence: the blockers first, then the API and the script.
        foreach (var host in KayakoHosts)
        {
            await Context.RouteAsync(host, BlockAsync).WaitAsync(cancellationToken);
        }

        foreach (var operation in ApiOperations)
        {
            await Context.RouteAsync(operation, _api.HandleAsync).WaitAsync(cancellationToken);
        }

        foreach (var pattern in Options.ScriptUrlPatterns)
        {
            await Context.RouteAsync(pattern, ServeStubAsync).WaitAsync(cancellationToken);
        }

        Context.Page += (_, page) => Watch(page);
        foreach (var page in Context.Pages)
        {
            Watch(page);
        }
    }

    private void Watch(IPage page)
    {
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                CallLog.Add(new Navigation(frame.Url) { PageUrl = frame.Url });
            }
        };
        // A page that throws in a loop would fill memory and every report; past the limit one entry says so.
        var errors = 0;
        page.PageError += (_, message) =>
        {
            var count = Interlocked.Increment(ref errors);
            if (count <= MaxPageErrors)
            {
                var (text, stack) = PageError.Split(message);
                CallLog.Add(new PageError(text, stack) { PageUrl = page.Url });
            }
            else if (count == MaxPageErrors + 1)
            {
                CallLog.Add(new LogLimitReached(LogLimitScope.PageErrors, MaxPageErrors) { PageUrl = page.Url });
            }
        };
    }

    private async Task ServeStubAsync(IRoute route)
    {
        CallLog.Add(new ScriptRequested(route.Request.Url) { PageUrl = PageUrlOf(route.Request) });
        if (Options.ScriptRelease is { } release)
        {
            try
            {
                await release.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the context is closing
            }
        }

        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/javascript; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            Body = StubScript,
        });
    }

    private async Task BlockAsync(IRoute route)
    {
        CallLog.Add(new BlockedRequest(route.Request.Method, route.Request.Url) { PageUrl = PageUrlOf(route.Request) });
        await route.AbortAsync("blockedbyclient");
    }

    private void OnConsoleMessage(IConsoleMessage console)
    {
        if (console.Type == "error" && ScriptRefused.ReadConsoleError(console.Text, _scriptUrls) is { } refused)
        {
            CallLog.Add(new ScriptRefused(refused.ScriptUrl, refused.Directive) { PageUrl = PageUrlOf(console) });
            return;
        }

        if (console.Type != "debug")
        {
            return;
        }

        var text = console.Text;
        if (!text.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return;
        }

        // A message the harness cannot read is logged as such (UnrecognizedMessage), never thrown: the run goes on.
        CallLog.Add(StubMessage.Read(text[_prefix.Length..], PageUrlOf(console)));
    }

    private static string PageUrlOf(IConsoleMessage message)
    {
        try
        {
            return message.Page?.Url ?? "";
        }
        catch (PlaywrightException)
        {
            return "";
        }
    }

    private static string PageUrlOf(IRequest request)
    {
        try
        {
            return request.Frame.Url;
        }
        catch (PlaywrightException)
        {
            return "";
        }
    }
}
