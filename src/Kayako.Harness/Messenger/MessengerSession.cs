using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>
/// The messenger stub installed in one browser context (see <see cref="MessengerStub.InstallAsync"/>): its
/// call log, the fake Kayako API's view of the user, and a handle per page.
/// </summary>
public sealed class MessengerSession : IAsyncDisposable
{
    internal const string BindingName = "__kayakoHarnessLog";

    // Kayako's own hosts: anything not faked is aborted so a test never reaches Kayako's servers.
    private static readonly string[] KayakoHosts = ["https://*.kayako.com/**", "https://*.kayakocdn.com/**", "https://*.kayako.net/**"];

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, bool> _routedApis = new(StringComparer.Ordinal);
    private readonly FakeKayakoApi _api;

    internal MessengerSession(IBrowserContext context, MessengerOptions options)
    {
        Context = context;
        Options = options;
        _api = new FakeKayakoApi(CallLog, options, _stopping.Token);
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

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await Context.ExposeBindingAsync<string, Task>(BindingName, OnStubMessageAsync).WaitAsync(cancellationToken);
        await Context.AddInitScriptAsync(StubAssets.Observer).WaitAsync(cancellationToken);
        if (Options.InjectSnippet)
        {
            await Context.AddInitScriptAsync(StubAssets.Snippet).WaitAsync(cancellationToken);
        }

        // Later routes take precedence: the blockers first, then the script (and, once known, the API).
        foreach (var host in KayakoHosts)
        {
            await Context.RouteAsync(host, BlockAsync).WaitAsync(cancellationToken);
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
                CallLog.Add(CallLogEntryKind.Navigation, "", [], frame.Url, frame.Url);
            }
        };
        page.PageError += (_, message) => CallLog.Add(CallLogEntryKind.PageError, "", [], page.Url, message);
    }

    private async Task ServeStubAsync(IRoute route)
    {
        CallLog.Add(CallLogEntryKind.ScriptRequested, "", [], PageUrlOf(route.Request), route.Request.Url);
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/javascript; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            Body = StubAssets.Stub,
        });
    }

    private async Task BlockAsync(IRoute route)
    {
        CallLog.Add(CallLogEntryKind.BlockedRequest, "", [], PageUrlOf(route.Request), $"{route.Request.Method} {route.Request.Url}");
        await route.AbortAsync("blockedbyclient");
    }

    private async Task OnStubMessageAsync(BindingSource source, string json)
    {
        var pageUrl = source.Frame?.Url ?? "";
        StubMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<StubMessage>(json);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null || !Enum.TryParse<CallLogEntryKind>(message.Kind, ignoreCase: false, out var kind))
        {
            CallLog.Add(CallLogEntryKind.PageError, "", [], pageUrl, $"The page sent the harness a message it does not understand: {json}");
            return;
        }

        var arguments = (message.Args ?? []).Select(a => a.Clone()).ToArray();
        CallLog.Add(kind, message.Name ?? "", arguments, message.Url ?? pageUrl, message.Detail);
        if (kind == CallLogEntryKind.Loaded)
        {
            await RouteApiAsync(message.Detail);
        }
    }

    // The page's snippet names the API in _settings.apiUrl; the stub reports it on load and waits for
    // this route before the page can call identify or forget.
    private async Task RouteApiAsync(string? loadedDetail)
    {
        if (loadedDetail is null)
        {
            return;
        }

        using var detail = JsonDocument.Parse(loadedDetail);
        if (!detail.RootElement.TryGetProperty("apiUrl", out var apiUrl) || apiUrl.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(apiUrl.GetString(), UriKind.Absolute, out var api))
        {
            return;
        }

        var prefix = api.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        if (_routedApis.TryAdd(prefix, true))
        {
            await Context.RouteAsync(new Regex("^" + Regex.Escape(prefix), RegexOptions.None, TimeSpan.FromSeconds(1)), _api.HandleAsync);
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
