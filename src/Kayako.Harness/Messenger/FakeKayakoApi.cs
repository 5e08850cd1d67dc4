using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Signing;
using Microsoft.Playwright;

namespace Kayako.Harness.Messenger;

/// <summary>
/// Answers the messenger's <c>identify</c> and <c>forget</c> requests in place of Kayako's API, after the
/// configured latency, verifying signatures when the token is known. Every request and answer is logged.
/// </summary>
internal sealed class FakeKayakoApi
{
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["Content-Type"] = "application/json; charset=utf-8",
        ["Access-Control-Allow-Origin"] = "*",
        ["Access-Control-Allow-Headers"] = "*",
        ["Access-Control-Allow-Methods"] = "POST, OPTIONS",
    };

    private readonly CallLog _log;
    private readonly MessengerOptions _options;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    private MessengerIdentity? _identity;

    public FakeKayakoApi(CallLog log, MessengerOptions options, CancellationToken stopping)
    {
        _log = log;
        _options = options;
        _stopping = stopping;
    }

    /// <summary>The user currently identified, or <see langword="null"/> (never identified, or forgotten).</summary>
    public MessengerIdentity? Identity
    {
        get
        {
            lock (_gate)
            {
                return _identity;
            }
        }
    }

    public async Task HandleAsync(IRoute route)
    {
        var request = route.Request;
        if (request.Method == "OPTIONS")
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 204, Headers = Headers });
            return;
        }

        var operation = new Uri(request.Url).AbsolutePath.Split('/')[^1];
        var pageUrl = PageUrlOf(request);
        var body = request.PostData ?? "";
        _log.Add(CallLogEntryKind.Request, operation, [], pageUrl, $"{request.Method} {request.Url} {body}");

        var (status, answer) = operation switch
        {
            "identify" when request.Method == "POST" => Identify(body),
            "forget" when request.Method == "POST" => Forget(),
            _ => (404, $$"""{"error":"the fake Kayako API has no {{request.Method}} {{new Uri(request.Url).AbsolutePath}}; the messenger only sends POST .../messenger/identify and .../messenger/forget"}"""),
        };

        try
        {
            await Task.Delay(_options.ApiLatency, _stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Logged before fulfilling: once fulfilled, the page's reaction (forget's callback) may be logged at once.
        _log.Add(CallLogEntryKind.Response, operation, [], pageUrl, $"{status} {answer}");
        try
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = status, Headers = Headers, Body = answer });
        }
        catch (PlaywrightException)
        {
            _log.Add(CallLogEntryKind.Response, operation, [], pageUrl, "never delivered: the page had already navigated away or closed");
        }
    }

    private (int Status, string Body) Identify(string body)
    {
        if (!TryReadIdentity(body, out var name, out var email, out var signature, out var timestamp, out var problem))
        {
            return Answer(400, IdentityVerification.Rejected, problem);
        }

        var verification = signature.Length == 0
            ? IdentityVerification.Anonymous
            : _options.Token is null
                ? IdentityVerification.Unverified
                : MessengerSignature.Verify(name, email, _options.Token, timestamp, signature)
                    ? IdentityVerification.Valid
                    : IdentityVerification.Invalid;
        if (verification == IdentityVerification.Invalid)
        {
            return Answer(401, verification, "the signature does not match name + email + token + timestamp");
        }

        lock (_gate)
        {
            _identity = new MessengerIdentity(name, email, verification);
        }

        return Answer(200, verification, null);
    }

    private (int Status, string Body) Forget()
    {
        lock (_gate)
        {
            _identity = null;
        }

        return (200, """{"forgotten":true}""");
    }

    private static (int Status, string Body) Answer(int status, IdentityVerification verification, string? error) =>
        (status, JsonSerializer.Serialize(new
        {
            identified = status == 200,
            verification = verification.ToString().ToLowerInvariant(),
            error,
        }));

    private static bool TryReadIdentity(string body, out string name, out string email, out string signature, out long timestamp, out string problem)
    {
        name = email = signature = problem = "";
        timestamp = 0;
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            problem = "the request body is not JSON";
            return false;
        }

        var problems = new List<string>();
        name = StringField(root, "name", problems);
        email = StringField(root, "email", problems);
        signature = StringField(root, "signature", problems);
        if (!TryTimestamp(root, out timestamp))
        {
            problems.Add("timestamp must be a Unix time in whole seconds");
        }

        problem = string.Join("; ", problems);
        return problems.Count == 0;
    }

    private static string StringField(JsonElement root, string field, List<string> problems)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        problems.Add($"{field} must be a string");
        return "";
    }

    // A quoted timestamp still signs the same text, so it is accepted; `check` warns about it separately.
    private static bool TryTimestamp(JsonElement root, out long timestamp)
    {
        timestamp = 0;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("timestamp", out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out timestamp),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out timestamp),
            _ => false,
        };
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
