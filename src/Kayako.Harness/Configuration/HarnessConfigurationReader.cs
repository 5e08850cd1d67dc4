using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Configuration;

/// <summary>
/// Reads and validates <c>playwright.config.json</c>. Every problem is collected with its JSON path and
/// reported together in one <see cref="ConfigurationException"/>, before any browser starts.
/// </summary>
public static partial class HarnessConfigurationReader
{
    /// <summary>The key an editor reads to find <c>schemas/playwright.config.schema.json</c>; the reader only checks it is a string.</summary>
    internal const string SchemaKey = "$schema";

    // The keys each object may hold; schemas/playwright.config.schema.json lists the same ones (a test holds them together).
    internal static readonly string[] RootKeys = [SchemaKey, "browser", "messenger", "baseUrl", "setup", "sites", "report", "siteBudgetSeconds"];
    internal static readonly string[] BrowserKeys = ["executablePath", "headless", "connect", "httpCredentials", "headers", "storageState", .. EmulationReader.EmulationKeys];
    internal static readonly string[] HttpCredentialsKeys = ["usernameEnv", "passwordEnv"];
    internal static readonly string[] SetupKeys = ["url", "steps"];

    /// <summary>
    /// The environment variable that overrides <c>baseUrl</c> (<c>--base-url</c> overrides both): the same
    /// configuration runs against staging and production.
    /// </summary>
    public const string BaseUrlVariable = "KAYAKO_HARNESS_BASE_URL";
    internal static readonly string[] ConnectKeys = ["wsEndpoint", "cdpEndpoint", "headers"];
    internal static readonly string[] MessengerKeys = ["scriptUrl", "tokenEnv", "timestampToleranceSeconds", "forgetLatencyMs", "clicksBeforeLoad"];
    internal static readonly string[] ReportKeys = ["dir"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and validates a configuration file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing, not JSON, or has problems; all are listed.</exception>
    public static HarnessConfiguration Load(string path) => Load(path, baseUrl: null);

    /// <summary>Reads and validates a configuration file, with its <c>baseUrl</c> overridden.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="baseUrl">What overrides <c>baseUrl</c> (<c>--base-url</c>, <see cref="BaseUrlVariable"/>), or <see langword="null"/> to keep the file's.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing, not JSON, or has problems; all are listed.</exception>
    public static HarnessConfiguration Load(string path, BaseUrlOverride? baseUrl)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, [new ConfigurationProblem("$", $"cannot read the file: {error.Message}")]);
        }

        return Parse(json, path, baseUrl);
    }

    /// <summary>Validates configuration text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages (a file path).</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">The text is not JSON or has problems; all are listed.</exception>
    public static HarnessConfiguration Parse(string json, string source) => Parse(json, source, baseUrl: null);

    /// <summary>Validates configuration text, with its <c>baseUrl</c> overridden.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">
    /// Where it came from, for messages: a file path (a relative <c>browser.storageState</c> is resolved against its folder).
    /// </param>
    /// <param name="baseUrl">What overrides <c>baseUrl</c> (<c>--base-url</c>, <see cref="BaseUrlVariable"/>), or <see langword="null"/> to keep the text's.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ConfigurationException">The text is not JSON or has problems; all are listed.</exception>
    public static HarnessConfiguration Parse(string json, string source, BaseUrlOverride? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, column {error.BytePositionInLine + 1}" : "";
            throw new ConfigurationException(source, [new ConfigurationProblem("$", $"not valid JSON{where}: {error.Message}")]);
        }

        using (document)
        {
            var context = new JsonReadContext();
            var configuration = ReadRoot(document.RootElement, context, source, baseUrl);
            return context.Problems.Count == 0 && configuration is not null
                ? configuration
                : throw new ConfigurationException(source, context.Problems);
        }
    }

    /// <summary>
    /// The configuration for a single URL given on the command line: <paramref name="baseline"/>'s browser,
    /// messenger and report sections (or the defaults) with one site that opens the URL and plays no steps.
    /// </summary>
    /// <param name="url">The page to check; must be absolute http or https.</param>
    /// <param name="baseline">A configuration to take the other sections from, or <see langword="null"/> for the defaults.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The URL is not an absolute http(s) URL.</exception>
    public static HarnessConfiguration ForUrl(string url, HarnessConfiguration? baseline = null)
    {
        if (!TryAbsoluteHttpUrl(url, out var uri))
        {
            throw new ConfigurationException("the command line", [new ConfigurationProblem("URL",
                $"\"{url}\" is not an absolute http or https URL; give one like https://staging.example.com/account.")]);
        }

        var site = new SiteDefinition(uri.Host + uri.AbsolutePath.TrimEnd('/'), uri, [], "URL");
        return baseline is null
            ? new HarnessConfiguration(new BrowserOptions(), MessengerSettings.Default, [site], new ReportOptions())
            : baseline with { Sites = [site] };
    }

    private static HarnessConfiguration? ReadRoot(JsonElement root, JsonReadContext context, string source, BaseUrlOverride? baseUrlOverride)
    {
        var properties = context.Object(root, "$", RootKeys);
        if (properties is null)
        {
            return null;
        }

        if (properties.TryGetValue(SchemaKey, out var schema))
        {
            context.String(schema, JsonReadContext.Child("$", SchemaKey));
        }

        var browser = properties.TryGetValue("browser", out var b) ? ReadBrowser(b, context, source) : new BrowserOptions();
        var messenger = properties.TryGetValue("messenger", out var m) ? ReadMessenger(m, context) : MessengerSettings.Default;
        var report = properties.TryGetValue("report", out var r) ? ReadReport(r, context) : new ReportOptions();
        var baseUrl = ReadBaseUrl(properties, baseUrlOverride, context, out var baseUrlBad);
        var bases = new UrlBase(baseUrl, baseUrlBad);
        var setup = properties.TryGetValue("setup", out var setupElement) ? ReadSetup(setupElement, bases, context) : null;
        List<SiteDefinition>? sites = null;
        if (!properties.TryGetValue("sites", out var s))
        {
            context.Report("$.sites", "is missing; list at least one site, like [{ \"name\": \"home\", \"url\": \"https://staging.example.com/\" }].");
        }
        else
        {
            sites = SiteReader.ReadAll(s, bases, context);
        }

        var budget = properties.TryGetValue("siteBudgetSeconds", out var seconds)
            ? context.Integer(seconds, "$.siteBudgetSeconds", 1, 3_600)
            : HarnessConfiguration.DefaultSiteBudgetSeconds;
        return browser is null || messenger is null || report is null || sites is null || budget is null
            ? null
            : new HarnessConfiguration(browser, messenger, sites, report, budget.Value) { BaseUrl = baseUrl, Setup = setup, Source = source };
    }

    // The override (--base-url, then KAYAKO_HARNESS_BASE_URL) wins over the file's baseUrl; each must be absolute http(s).
    private static Uri? ReadBaseUrl(Dictionary<string, JsonElement> properties, BaseUrlOverride? baseUrlOverride, JsonReadContext context, out bool bad)
    {
        bad = false;
        Uri? fromFile = null;
        if (properties.TryGetValue("baseUrl", out var element) && context.NonEmptyString(element, "$.baseUrl") is { } text)
        {
            if (TryAbsoluteHttpUrl(text, out var parsed))
            {
                fromFile = parsed;
            }
            else
            {
                bad = baseUrlOverride is null;
                context.Report("$.baseUrl", $"{BrowserConnection.Shown(text)} is not an absolute http or https URL; give the origin the relative site URLs start from, like \"https://staging.example.com/\".");
            }
        }

        if (baseUrlOverride is null)
        {
            return fromFile;
        }

        if (TryAbsoluteHttpUrl(baseUrlOverride.Url, out var overridden))
        {
            return overridden;
        }

        bad = true;
        context.Report(baseUrlOverride.Source, $"{BrowserConnection.Shown(baseUrlOverride.Url)} is not an absolute http or https URL; give the origin the relative site URLs start from, like https://www.example.com/.");
        return null;
    }

    private static SetupDefinition? ReadSetup(JsonElement element, UrlBase bases, JsonReadContext context)
    {
        const string path = "$.setup";
        var properties = context.Object(element, path, SetupKeys);
        if (properties is null)
        {
            return null;
        }

        var (url, steps) = SiteReader.ReadPage(properties, path, bases, context,
            "give the page the set-up starts at, like \"/login\" or \"https://staging.example.com/login\"", allowEmptyUrl: false);
        foreach (var expect in steps.OfType<ExpectStep>())
        {
            // Nothing judges a set-up: an expectation there would pass whatever it saw.
            context.Report(expect.JsonPath + ".expect", "cannot be part of the set-up, which only signs in; put expectations in a site's steps.");
        }

        return url is null ? null : new SetupDefinition(url, steps, path);
    }

    private static BrowserOptions? ReadBrowser(JsonElement element, JsonReadContext context, string source)
    {
        const string path = "$.browser";
        var properties = context.Object(element, path, BrowserKeys);
        if (properties is null)
        {
            return null;
        }

        var options = new BrowserOptions { Emulation = EmulationReader.Read(properties, path, context) };
        if (properties.TryGetValue("executablePath", out var executable))
        {
            var value = context.String(executable, path + ".executablePath", allowNull: true);
            if (value is { Length: 0 })
            {
                context.Report(path + ".executablePath", "must not be empty; use null to find Chromium automatically.");
            }

            options = options with { ExecutablePath = value };
        }

        if (properties.TryGetValue("headless", out var headless))
        {
            options = options with { Headless = context.Boolean(headless, path + ".headless") ?? true };
        }

        if (properties.TryGetValue("connect", out var connect))
        {
            // The remote side decides which browser runs and how: a local launch option beside connect would be ignored.
            foreach (var local in new[] { "executablePath", "headless" }.Where(properties.ContainsKey))
            {
                context.Report(path + "." + local, $"cannot be given with browser.connect: the remote browser is already running as its server started it. Remove {local}, or remove connect to launch the local Chromium.");
            }

            options = options with { Connect = ReadConnect(connect, path + ".connect", context) };
        }

        if (properties.TryGetValue("httpCredentials", out var credentials))
        {
            options = options with { HttpCredentials = ReadHttpCredentials(credentials, path + ".httpCredentials", context) };
        }

        if (properties.TryGetValue("headers", out var headers))
        {
            options = options with { HeaderVariables = ReadHeaderVariables(headers, path + ".headers", context) };
        }

        if (properties.TryGetValue("storageState", out var storageState) && context.NonEmptyString(storageState, path + ".storageState") is { } file)
        {
            // Relative to the configuration file, as Playwright Test resolves its own paths; checked when the run starts.
            var folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Directory.GetCurrentDirectory();
            options = options with { StorageState = Path.GetFullPath(Path.Combine(folder, file)) };
        }

        return options;
    }

    private static BrowserConnection? ReadConnect(JsonElement element, string path, JsonReadContext context)
    {
        var properties = context.Object(element, path, ConnectKeys);
        if (properties is null)
        {
            return null;
        }

        var hasWs = properties.TryGetValue("wsEndpoint", out var ws);
        var hasCdp = properties.TryGetValue("cdpEndpoint", out var cdp);
        if (hasWs == hasCdp)
        {
            context.Report(path, hasWs
                ? "has both wsEndpoint and cdpEndpoint; keep one: wsEndpoint for a Playwright server (ws://…), cdpEndpoint for a Chromium's DevTools endpoint (http://…)."
                : "needs wsEndpoint (a Playwright server, like \"ws://127.0.0.1:3000/\") or cdpEndpoint (a Chromium's DevTools endpoint, like \"http://127.0.0.1:9222\").");
            return null;
        }

        var endpointPath = path + (hasWs ? ".wsEndpoint" : ".cdpEndpoint");
        var text = context.NonEmptyString(hasWs ? ws : cdp, endpointPath);
        Uri? endpoint = null;
        if (text is not null)
        {
            string[] schemes = hasWs ? ["ws", "wss"] : ["http", "https", "ws", "wss"];
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && schemes.Contains(uri.Scheme))
            {
                endpoint = uri;
            }
            else
            {
                context.Report(endpointPath, hasWs
                    ? $"{BrowserConnection.Shown(text)} is not a ws:// or wss:// URL; give the endpoint the Playwright server prints, like \"ws://127.0.0.1:3000/\"."
                    : $"{BrowserConnection.Shown(text)} is not an http(s):// or ws(s):// URL; give the DevTools endpoint, like \"http://127.0.0.1:9222\".");
            }
        }

        var headers = properties.TryGetValue("headers", out var h) ? ReadHeaderVariables(h, path + ".headers", context) : new Dictionary<string, string>();
        return endpoint is null ? null : new BrowserConnection(endpoint, OverCdp: hasCdp, headers);
    }

    // Header name to the NAME of the variable holding its value: browser.headers and browser.connect.headers.
    private static Dictionary<string, string> ReadHeaderVariables(JsonElement element, string path, JsonReadContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (context.Object(element, path, allowed: null) is not { } named)
        {
            return headers;
        }

        foreach (var (name, value) in named)
        {
            var headerPath = JsonReadContext.Child(path, name);
            if (!HeaderName().IsMatch(name))
            {
                context.Report(headerPath, $"\"{name}\" is not an HTTP header name; use letters, digits and dashes, like \"Authorization\".");
            }
            else if (!headers.TryAdd(name, ""))
            {
                context.Report(headerPath, $"the header {name} is given twice (header names ignore case); keep one.");
            }

            if (ReadVariableName(value, headerPath, "the header's value", context) is { } variable)
            {
                headers[name] = variable;
            }
        }

        return headers;
    }

    private static HttpCredentialVariables? ReadHttpCredentials(JsonElement element, string path, JsonReadContext context)
    {
        var properties = context.Object(element, path, HttpCredentialsKeys);
        if (properties is null)
        {
            return null;
        }

        string? Variable(string key, string what)
        {
            if (properties.TryGetValue(key, out var value))
            {
                return ReadVariableName(value, JsonReadContext.Child(path, key), what, context);
            }

            context.Report(JsonReadContext.Child(path, key), $"is missing; give the NAME of the environment variable holding {what}, like {(key == "usernameEnv" ? "STAGING_USER" : "STAGING_PASSWORD")}.");
            return null;
        }

        var username = Variable("usernameEnv", "the user name");
        var password = Variable("passwordEnv", "the password");
        return username is null || password is null ? null : new HttpCredentialVariables(username, password);
    }

    /// <summary>The NAME of an environment variable holding a secret; a value that is none is not echoed (it may be the secret itself).</summary>
    internal static string? ReadVariableName(JsonElement element, string path, string what, JsonReadContext context)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            context.Report(path, $"must be a string (the NAME of the environment variable holding {what}), not {(element.ValueKind == JsonValueKind.Number ? "a number" : JsonReadContext.Describe(element))}.");
            return null;
        }

        var variable = element.GetString()!;
        if (EnvironmentVariableName().IsMatch(variable))
        {
            return variable;
        }

        context.Report(path, $"is not an environment variable name (its value is not shown: it may be the secret itself); give the NAME of the variable holding {what}, like STAGING_PASSWORD, and export the value in it.");
        return null;
    }

    private static MessengerSettings? ReadMessenger(JsonElement element, JsonReadContext context)
    {
        const string path = "$.messenger";
        var properties = context.Object(element, path, MessengerKeys);
        if (properties is null)
        {
            return null;
        }

        var options = MessengerSettings.Default;
        if (properties.TryGetValue("scriptUrl", out var scriptUrl))
        {
            options = options with { ScriptUrl = ReadPatterns(scriptUrl, path + ".scriptUrl", context) };
        }

        if (properties.TryGetValue("tokenEnv", out var tokenEnv))
        {
            var name = context.String(tokenEnv, path + ".tokenEnv", allowNull: true);
            if (name is not null && !EnvironmentVariableName().IsMatch(name))
            {
                // Not echoed: a value that is no variable name may well be the token itself.
                context.Report(path + ".tokenEnv", "is not an environment variable name (its value is not shown: it may be the token itself); use letters, digits and underscores, like KAYAKO_MESSENGER_TOKEN (the name, never the token itself).");
            }

            options = options with { TokenEnv = name };
        }

        if (properties.TryGetValue("timestampToleranceSeconds", out var tolerance))
        {
            options = options with { TimestampToleranceSeconds = context.Integer(tolerance, path + ".timestampToleranceSeconds", 0, 86_400) ?? 0 };
        }

        if (properties.TryGetValue("forgetLatencyMs", out var latency))
        {
            options = options with { ForgetLatencyMs = context.Integer(latency, path + ".forgetLatencyMs", 0, 10_000) ?? 0 };
        }

        if (properties.TryGetValue("clicksBeforeLoad", out var clicks))
        {
            options = options with { ClicksBeforeLoad = context.Boolean(clicks, path + ".clicksBeforeLoad") ?? true };
        }

        return options;
    }

    private static List<string> ReadPatterns(JsonElement element, string path, JsonReadContext context)
    {
        var items = context.Array(element, path);
        if (items is null)
        {
            return [];
        }

        if (items.Count == 0)
        {
            context.Report(path, "must list at least one URL pattern, like \"https://*.kayakocdn.com/messenger**\".");
        }

        var patterns = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (context.NonEmptyString(items[i], JsonReadContext.Item(path, i)) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    private static ReportOptions? ReadReport(JsonElement element, JsonReadContext context)
    {
        var properties = context.Object(element, "$.report", ReportKeys);
        if (properties is null)
        {
            return null;
        }

        return properties.TryGetValue("dir", out var dir)
            ? new ReportOptions(context.NonEmptyString(dir, "$.report.dir") ?? "")
            : new ReportOptions();
    }

    internal static bool TryAbsoluteHttpUrl(string text, out Uri url)
    {
        url = null!;
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) &&
            (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps) &&
            parsed.Host.Length > 0)
        {
            url = parsed;
            return true;
        }

        return false;
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();
}
