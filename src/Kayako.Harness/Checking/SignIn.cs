using System.Text.Json;
using Kayako.Harness.Configuration;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// What every site's context is signed in with: <c>browser.httpCredentials</c> and <c>browser.headers</c> read from
/// their environment variables, the <c>browser.storageState</c> file's content, and the values of <c>fill</c> steps'
/// <c>valueEnv</c>. Read once, when the run starts, before any browser does; a variable that is not set, or a
/// storage-state file that cannot be read, is an error naming it and its JSON path. Every value read is a secret
/// (<see cref="Secrets"/>): the run's redactor masks it wherever it masks the token.
/// </summary>
internal sealed class SignIn
{
    private readonly List<string> secrets = [];

    private SignIn()
    {
    }

    public HttpCredentials? Credentials { get; private init; }

    public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    /// <summary>The storage state (Playwright's JSON) contexts start from: the file's, or, once set-up has run, the worker's own.</summary>
    public string? StorageState { get; private init; }

    /// <summary>The configuration with every <c>valueEnv</c> fill holding its value.</summary>
    public HarnessConfiguration Configuration { get; private init; } = null!;

    public IReadOnlyList<string> Secrets => secrets;

    /// <summary>Reads the run's sign-in; the configuration's sign-in is empty when it names none.</summary>
    /// <exception cref="ConfigurationException">A variable is not set, or the storage-state file cannot be read; every problem is listed.</exception>
    public static SignIn Read(HarnessConfiguration configuration)
    {
        var problems = new List<ConfigurationProblem>();
        var secrets = new List<string>();
        string? Variable(string variable, string path, string what)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(new ConfigurationProblem(path,
                    $"{what} comes from the environment variable {variable}, which is not set; export {variable} with it (it is never printed), or remove it from the configuration."));
                return null;
            }

            secrets.Add(value);
            return value;
        }

        var browser = configuration.Browser;
        HttpCredentials? credentials = null;
        if (browser.HttpCredentials is { } named)
        {
            var username = Variable(named.UsernameEnv, "$.browser.httpCredentials.usernameEnv", "the HTTP user name");
            var password = Variable(named.PasswordEnv, "$.browser.httpCredentials.passwordEnv", "the HTTP password");
            if (username is not null && password is not null)
            {
                // What an Authorization: Basic header encodes.
                secrets.Add(username + ":" + password);
                credentials = new HttpCredentials { Username = username, Password = password };
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, variable) in browser.HeaderVariables)
        {
            if (Variable(variable, JsonReadContext.Child("$.browser.headers", name), $"the header {name}") is { } value)
            {
                headers[name] = value;
            }
        }

        string? storageState = null;
        if (browser.StorageState is { } file)
        {
            storageState = ReadStorageState(file, problems);
            if (storageState is not null)
            {
                secrets.AddRange(CookieValues(storageState));
            }
        }

        SiteStep WithValue(SiteStep step)
        {
            if (step is FillStep { ValueEnv: { } variable } fill)
            {
                return fill with { Value = Variable(variable, fill.JsonPath + ".valueEnv", $"the text {fill.Describe()} types") ?? "" };
            }

            return step;
        }

        var withValues = configuration with
        {
            Sites = [.. configuration.Sites.Select(site => site with { Steps = [.. site.Steps.Select(WithValue)] })],
            Setup = configuration.Setup is { } setup ? setup with { Steps = [.. setup.Steps.Select(WithValue)] } : null,
        };
        if (problems.Count > 0)
        {
            throw new ConfigurationException("the environment", problems);
        }

        var signIn = new SignIn { Credentials = credentials, Headers = headers, StorageState = storageState, Configuration = withValues };
        signIn.secrets.AddRange(secrets);
        return signIn;
    }

    /// <summary>This sign-in, starting from a set-up's storage state; its session cookies are secrets too.</summary>
    public SignIn WithStorageState(string storageState)
    {
        var signedIn = new SignIn { Credentials = Credentials, Headers = Headers, StorageState = storageState, Configuration = Configuration };
        signedIn.secrets.AddRange(secrets);
        signedIn.secrets.AddRange(CookieValues(storageState));
        return signedIn;
    }

    /// <summary>The context options that sign a fresh context in.</summary>
    public BrowserNewContextOptions ContextOptions() => new()
    {
        // Service workers allowed: blocking them replaces navigator.serviceWorker.register, which a page can notice.
        ServiceWorkers = ServiceWorkerPolicy.Allow,
        HttpCredentials = Credentials,
        ExtraHTTPHeaders = Headers.Count == 0 ? null : Headers,
        StorageState = StorageState,
    };

    private static string? ReadStorageState(string file, List<ConfigurationProblem> problems)
    {
        const string path = "$.browser.storageState";
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigurationProblem(path,
                $"the storage-state file {file} cannot be read ({error.Message}); save one with Playwright's context.storageState({{ path }}), or use \"setup\" to sign in when the run starts."));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Reported below; the content is not quoted: it holds session cookies.
        }

        problems.Add(new ConfigurationProblem(path,
            $"the storage-state file {file} is not a Playwright storage state (a JSON object with cookies and origins; its content is not shown); save one with context.storageState({{ path }})."));
        return null;
    }

    // The cookies' values: session cookies are credentials. Values too short to tell from chance are left out.
    private static IEnumerable<string> CookieValues(string storageState)
    {
        using var document = JsonDocument.Parse(storageState);
        if (!document.RootElement.TryGetProperty("cookies", out var cookies) || cookies.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. cookies.EnumerateArray()
            .Where(cookie => cookie.ValueKind == JsonValueKind.Object && cookie.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            .Select(cookie => cookie.GetProperty("value").GetString()!)
            .Where(value => value.Length >= Signing.TokenRedactor.ChanceLength)];
    }
}
