using Kayako.Harness.Signing;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Looks for the messenger token everywhere the browser can see it in one context: every request's URL,
/// headers and body; every response's headers and text body (markup, scripts, data); console messages and
/// uncaught errors; per page, the live DOM as the browser holds it (texts, attributes, form values, the
/// title, shadow roots) and local and session storage; and the context's cookies. Records where, never the
/// token, and runs no script in the page.
/// </summary>
internal sealed class TokenExposureScanner
{
    private static readonly HashSet<string> TextResourceTypes = new(StringComparer.Ordinal) { "document", "script", "xhr", "fetch", "stylesheet", "other" };

    // Binary bodies can carry the token too (a PNG's text chunk, a font's name table); they are searched as bytes.
    private static readonly HashSet<string> BinaryResourceTypes = new(StringComparer.Ordinal) { "image", "font", "media" };

    // Long enough for a body of tens of megabytes; the site's budget bounds it anyway.
    private static readonly TimeSpan BodyReadLimit = TimeSpan.FromSeconds(10);

    // A page whose script never yields, or whose document never commits, cannot be read; the scan moves on.
    private static readonly TimeSpan PageReadLimit = TimeSpan.FromSeconds(5);

    private readonly TokenRedactor token;
    private readonly ConcurrentDictionary<string, byte> places = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task> pendingBodies = new();
    private readonly ConcurrentQueue<string> unscanned = new();
    private readonly ConcurrentDictionary<IPage, Lazy<Task<ICDPSession>>> sessions = new();

    private readonly Func<IResponse, bool> servedByHarness;

    /// <summary>Creates a scanner.</summary>
    /// <param name="token">The token's forms.</param>
    /// <param name="servedByHarness">
    /// Whether a response came from the harness itself (the stub script, the fake API): those bodies are ours,
    /// and Playwright may never deliver one whose page has already been left.
    /// </param>
    public TokenExposureScanner(TokenRedactor token, Func<IResponse, bool> servedByHarness)
    {
        this.token = token;
        this.servedByHarness = servedByHarness;
    }

    /// <summary>Watches the context's traffic. Does nothing without a token.</summary>
    public void Attach(IBrowserContext context)
    {
        if (!token.Knows)
        {
            return;
        }

        context.Request += (_, request) => ScanRequest(request);
        context.Response += (_, response) => pendingBodies.Enqueue(ScanResponseAsync(response));
        context.Console += (_, message) =>
        {
            // The harness's own channel carries the page's messenger calls; a token passed to one is reported
            // where the page put it, not as a console message.
            if (!MessengerSession.IsChannelMessage(message.Text) && token.Finds(message.Text))
            {
                Found($"a console message on {token.Redact(WithoutQuery(UrlOf(message.Page)))}");
            }
        };
        context.WebError += (_, error) =>
        {
            if (token.Finds(error.Error))
            {
                Found($"the message of an uncaught error on {token.Redact(WithoutQuery(UrlOf(error.Page)))}");
            }
        };
    }

    /// <summary>Scans what a page holds now: its DOM, local and session storage.</summary>
    public async Task ScanPageAsync(IPage page, CancellationToken cancellationToken)
    {
        if (!token.Knows)
        {
            return;
        }

        // Read without running a script in the page (a page that watches its own eval would see one): the DOM and
        // storage through the browser's DevTools protocol. A page that cannot be read in time (its script never
        // yields) is left; its responses were scanned as they arrived.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(PageReadLimit);
        var url = page.Url;
        try
        {
            if (await DomTextAsync(page, deadline.Token) is { } dom && FindsInMarkup(dom))
            {
                Found($"the page's DOM at {token.Redact(WithoutQuery(url))}");
            }

            ScanStorage("localStorage", await ReadStorageAsync(page, url, local: true, deadline.Token), url);
            ScanStorage("sessionStorage", await ReadStorageAsync(page, url, local: false, deadline.Token), url);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stuck: what was read is scanned.
        }
    }

    // The browser's own snapshot of the live DOM: every text, attribute, form field's current value, the title,
    // shadow roots and same-process frames, as strings.
    private async Task<string?> DomTextAsync(IPage page, CancellationToken cancellationToken)
    {
        try
        {
            var session = await SessionAsync(page, cancellationToken);
            var snapshot = await session.SendAsync("DOMSnapshot.captureSnapshot", new Dictionary<string, object> { ["computedStyles"] = Array.Empty<string>() })
                .WaitAsync(PageReadLimit, cancellationToken);
            if (snapshot is not { } answer || !answer.TryGetProperty("strings", out var strings) || strings.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            // Each document's own URL is in the table too; a token in a URL is reported as the request that asked for it.
            var urls = answer.TryGetProperty("documents", out var documents) && documents.ValueKind == JsonValueKind.Array
                ? documents.EnumerateArray()
                    .SelectMany(document => new[] { "documentURL", "baseURL" }
                        .Select(name => document.TryGetProperty(name, out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : -1))
                    .ToHashSet()
                : [];
            return string.Join('\n', strings.EnumerateArray().Where((_, index) => !urls.Contains(index)).Select(text => text.GetString()));
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            return null; // the page navigated mid-read (the next scan sees the new page), or it is stuck
        }
    }

    private Task<ICDPSession> SessionAsync(IPage page, CancellationToken cancellationToken) =>
        sessions.GetOrAdd(page, key => new Lazy<Task<ICDPSession>>(() => key.Context.NewCDPSessionAsync(key))).Value
            .WaitAsync(PageReadLimit, cancellationToken);

    private async Task<IReadOnlyList<(string Key, string Value)>> ReadStorageAsync(IPage page, string url, bool local, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return [];
        }

        try
        {
            var session = await SessionAsync(page, cancellationToken);
            var result = await session.SendAsync("DOMStorage.getDOMStorageItems", new Dictionary<string, object>
            {
                ["storageId"] = new Dictionary<string, object> { ["securityOrigin"] = uri.GetLeftPart(UriPartial.Authority), ["isLocalStorage"] = local },
            }).WaitAsync(PageReadLimit, cancellationToken);
            if (result is not { } answer || !answer.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. entries.EnumerateArray()
                .Where(entry => entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() == 2)
                .Select(entry => (entry[0].GetString() ?? "", entry[1].GetString() ?? ""))];
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            return []; // the page closed or navigated mid-read (the next scan sees the new page), or it is stuck
        }
    }

    /// <summary>What could not be searched (a body too big for the browser to keep), as notes for the site.</summary>
    public IReadOnlyList<string> Unscanned => [.. unscanned.Distinct(StringComparer.Ordinal)];

    /// <summary>The places found so far, without waiting for anything (for a site stopped at its budget).</summary>
    public IReadOnlyList<TokenExposure> FoundSoFar() =>
        [.. places.Keys.Order(StringComparer.Ordinal).Select(place => new TokenExposure(place))];

    /// <summary>Waits for response bodies still being read, scans cookies, and returns every place found.</summary>
    /// <param name="context">The site's context.</param>
    /// <param name="bodyWait">How long the bodies still being read may take (at most 10 s); those not delivered by then are named as not searched.</param>
    /// <param name="cancellationToken">The site's budget.</param>
    public async Task<IReadOnlyList<TokenExposure>> FinishAsync(IBrowserContext context, TimeSpan bodyWait, CancellationToken cancellationToken)
    {
        if (!token.Knows)
        {
            return [];
        }

        var pending = new List<Task>();
        while (pendingBodies.TryDequeue(out var body))
        {
            pending.Add(body);
        }

        var wait = bodyWait < TimeSpan.Zero ? TimeSpan.Zero : bodyWait < BodyReadLimit ? bodyWait : BodyReadLimit;
        try
        {
            await Task.WhenAll(pending).WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Playwright never answers for some bodies (of pages already left, or under a starved browser); what was
            // read is scanned, the page's live DOM was scanned step by step anyway, and the rest is said.
            var unread = pending.Count(body => !body.IsCompleted);
            if (unread > 0)
            {
                unscanned.Enqueue($"{unread} response bod{(unread == 1 ? "y was" : "ies were")} not searched for the token: the browser had not " +
                                  $"delivered {(unread == 1 ? "it" : "them")} {wait.TotalSeconds:0.#} s after the site's last step, near the end of its budget.");
            }
        }

        foreach (var cookie in await context.CookiesAsync().WaitAsync(PageReadLimit, cancellationToken))
        {
            if (token.Finds(cookie.Value) || token.Finds(cookie.Name))
            {
                Found($"cookie \"{cookie.Name}\" for {cookie.Domain}");
            }
        }

        // The page's own markup also shows up in its live DOM; name the earliest place only.
        var found = places.Keys.ToHashSet(StringComparer.Ordinal);
        return [.. found
            .Where(place => !(place.StartsWith("the page's DOM at ", StringComparison.Ordinal) &&
                              found.Contains("the markup of " + place["the page's DOM at ".Length..])))
            .Order(StringComparer.Ordinal)
            .Select(place => new TokenExposure(place))];
    }

    private void ScanRequest(IRequest request)
    {
        if (token.Finds(request.Url))
        {
            Found($"the URL of a {request.Method} request to {token.Redact(WithoutQuery(request.Url))}");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (token.Finds(value))
            {
                Found($"the \"{name}\" header of a request to {token.Redact(WithoutQuery(request.Url))}");
            }
        }

        if (token.Finds(request.PostData))
        {
            Found($"the body of a {request.Method} request to {token.Redact(WithoutQuery(request.Url))}");
        }
    }

    private async Task ScanResponseAsync(IResponse response)
    {
        foreach (var (name, value) in response.Headers)
        {
            if (token.Finds(value))
            {
                Found($"the \"{name}\" header of the response from {token.Redact(WithoutQuery(response.Url))}");
            }
        }

        var type = response.Request.ResourceType;
        if (!(TextResourceTypes.Contains(type) || BinaryResourceTypes.Contains(type)) || response.Status is >= 300 and < 400 || servedByHarness(response))
        {
            return;
        }

        string body;
        try
        {
            // Latin-1 keeps every byte of a binary body as one character, so an ASCII form of the token is found in it.
            body = BinaryResourceTypes.Contains(type) ? System.Text.Encoding.Latin1.GetString(await response.BodyAsync()) : await response.TextAsync();
        }
        catch (PlaywrightException error)
        {
            // The body is gone (page closed, or a redirect) or too big: Chromium keeps only 10 MB of a response for
            // tools ("evicted from inspector cache"). A big one is said, never silently skipped.
            if (error.Message.Contains("evicted", StringComparison.Ordinal) ||
                (response.Headers.TryGetValue("content-length", out var length) && long.TryParse(length, out var bytes) && bytes > 10_000_000))
            {
                unscanned.Enqueue($"The body of {token.Redact(WithoutQuery(response.Url))} was not searched for the token: " +
                                  "Chromium keeps at most 10 MB of a response for tools, and this one was bigger. Check what that endpoint returns by hand.");
            }

            return;
        }

        if (response.Request.ResourceType == "document" ? FindsInMarkup(body) : token.Finds(body))
        {
            var what = response.Request.ResourceType switch
            {
                "document" => "the markup of",
                "script" => "the script",
                _ => "the response body of",
            };
            Found($"{what} {token.Redact(WithoutQuery(response.Url))}");
        }
    }

    private void ScanStorage(string area, IReadOnlyList<(string Key, string Value)> entries, string pageUrl)
    {
        foreach (var (key, value) in entries)
        {
            if (token.Finds(key) || token.Finds(value))
            {
                Found($"{area} key \"{token.Redact(key)}\" on {token.Redact(WithoutQuery(pageUrl))}");
            }
        }
    }

    // Markup may hold the token entity-escaped in any of HTML's ways (&#39;, &#x27;, &quot;, &amp;...), and
    // the live DOM serialises attributes differently again: read it as the browser does, decoded.
    private bool FindsInMarkup(string html) => token.Finds(html) || token.Finds(WebUtility.HtmlDecode(html));

    private void Found(string place) => places.TryAdd(place, 0);

    private static string UrlOf(IPage? page)
    {
        try
        {
            return page?.Url ?? "the page";
        }
        catch (PlaywrightException)
        {
            return "the page";
        }
    }

    // Queries and fragments are left out of places: they may hold the token, and they say nothing about where.
    private static string WithoutQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : url;
}
