using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private readonly string _session;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    private MessengerIdentity? _identity;

    public FakeKayakoApi(CallLog log, MessengerOptions options, string session, CancellationToken stopping)
    {
        _log = log;
        _options = options;
        _session = session;
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
        if (request.Method != "POST" || !TryReadStubRequest(request.PostData, out var body, out var pageUrl))
        {
            // Not the stub's request: a site's own endpoint that happens to share the path.
            await route.FallbackAsync();
            return;
        }

        var operation = new Uri(request.Url).AbsolutePath.Split('/')[^1];
        _log.Add(new ApiRequest(operation, request.Method, request.Url, body) { PageUrl = pageUrl });

        var (status, answer) = operation switch
        {
            "identify" => Identify(body),
            _ => Forget(),
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
        _log.Add(new ApiResponse(operation, status, answer) { PageUrl = pageUrl });
        try
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = status, Headers = Headers, Body = answer });
        }
        catch (PlaywrightException)
        {
            _log.Add(new ApiResponse(operation, status, answer) { PageUrl = pageUrl, Delivered = false });
        }
    }

    // The stub's body names this session and the page it came from (in the admin-panel form the request comes
    // from the messenger's iframe); both are taken out before the body is logged.
    private bool TryReadStubRequest(string? postData, out string body, out string pageUrl)
    {
        body = pageUrl = "";
        if (postData is null)
        {
            return false;
        }

        JsonObject? root;
        try
        {
            root = JsonNode.Parse(postData) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }

        if (root is null || root["session"] is not JsonValue session || session.GetValueKind() != JsonValueKind.String || session.GetValue<string>() != _session)
        {
            return false;
        }

        pageUrl = root["page"] is JsonValue page && page.GetValueKind() == JsonValueKind.String ? page.GetValue<string>() : "";
        root.Remove("session");
        root.Remove("page");
        body = root.ToJsonString();
        return true;
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
}
