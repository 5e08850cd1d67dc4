using System.Text.Json;
using Json.Schema;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Configuration;

/// <summary>
/// schemas/playwright.config.schema.json is what editors complete and check the configuration with; the reader
/// is the authority. These tests hold the two together: the same keys at every level, every configuration in
/// the repository declares the schema and is judged the same way by both.
/// </summary>
public sealed class ConfigurationSchemaTests
{
    private static readonly string SchemaFile = RepositoryFixtures.RepositoryPathOf("schemas/playwright.config.schema.json");

    private static readonly JsonDocumentOptions WithComments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaFile)));

    private static readonly Lazy<JsonElement> SchemaDocument = new(() => JsonDocument.Parse(File.ReadAllText(SchemaFile)).RootElement);

    // Every configuration kept in the repository: the example at the root, the fixture sites' and the reader's cases.
    public static IEnumerable<TestCaseData> RepositoryConfigurations() =>
        new[] { RepositoryFixtures.RepositoryPathOf("playwright.config.json") }
            .Concat(Directory.EnumerateFiles(RepositoryFixtures.PathOf(""), "*.json", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f).EndsWith("config.json", StringComparison.Ordinal) || f.Contains($"{Path.DirectorySeparatorChar}configs{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Where(f => Path.GetFileName(f) is not ("not-json.json" or "root-array.json"))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Schema_is_declared_by_" + Path.GetRelativePath(RepositoryFixtures.RepositoryPathOf(""), f).Replace('/', '_')));

    public static IEnumerable<TestCaseData> ValidConfigurations() =>
        RepositoryConfigurations().Where(c => !((string)c.Arguments[0]!).Contains("invalid", StringComparison.Ordinal))
            .Select(c => new TestCaseData(c.Arguments[0]).SetName(c.TestName!.Replace("Schema_is_declared_by_", "Schema_and_reader_accept_", StringComparison.Ordinal)));

    [TestCaseSource(nameof(RepositoryConfigurations))]
    public void Every_configuration_in_the_repository_points_at_the_schema(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file), WithComments);
        document.RootElement.TryGetProperty("$schema", out var reference).ShouldBeTrue($"{file} has no \"$schema\"");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference.GetString()!));
        target.ShouldBe(Path.GetFullPath(SchemaFile), $"{file}'s \"$schema\" points elsewhere");
    }

    [TestCaseSource(nameof(ValidConfigurations))]
    public void A_valid_configuration_passes_the_schema_and_the_reader(string file)
    {
        var text = File.ReadAllText(file);
        using var document = JsonDocument.Parse(text, WithComments);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.ShouldBeTrue($"{file}: {Describe(result)}");
        Should.NotThrow(() => HarnessConfigurationReader.Parse(text, file));
    }

    [TestCaseSource(typeof(ConfigurationFixtures), nameof(ConfigurationFixtures.Invalid))]
    public void An_invalid_configuration_fails_the_schema_too_unless_only_the_reader_can_tell(string file)
    {
        var text = File.ReadAllText(file);
        Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(text, file));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, WithComments);
        }
        catch (JsonException)
        {
            return; // Not JSON: no schema can judge it; the reader's message is the one the user sees.
        }

        using (document)
        {
            var valid = Schema.Value.Evaluate(document.RootElement).IsValid;

            // A JSON Schema cannot say "names are unique across objects" or resolve a relative goto against the site's url.
            var readerOnly = Path.GetFileName(file) is "duplicate-names.json";
            valid.ShouldBe(readerOnly, $"{file}: the schema {(valid ? "accepts" : "rejects")} it");
        }
    }

    [TestCase("", nameof(HarnessConfigurationReader.RootKeys))]
    [TestCase("browser", nameof(HarnessConfigurationReader.BrowserKeys))]
    [TestCase("messenger", nameof(HarnessConfigurationReader.MessengerKeys))]
    [TestCase("report", nameof(HarnessConfigurationReader.ReportKeys))]
    [TestCase("#connect", nameof(HarnessConfigurationReader.ConnectKeys))]
    [TestCase("#httpCredentials", nameof(HarnessConfigurationReader.HttpCredentialsKeys))]
    [TestCase("#setup", nameof(HarnessConfigurationReader.SetupKeys))]
    [TestCase("#site", "SiteKeys")]
    [TestCase("#step", "StepKeys")]
    [TestCase("#expect", "ExpectKeys")]
    [TestCase("#siteBrowser", "EmulationKeys")]
    public void The_schema_allows_exactly_the_keys_the_reader_allows(string where, string readerList)
    {
        var node = where switch
        {
            "" => SchemaDocument.Value,
            ['#', .. var definition] => SchemaDocument.Value.GetProperty("$defs").GetProperty(definition),
            _ => SchemaDocument.Value.GetProperty("properties").GetProperty(where),
        };
        node.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        var schemaKeys = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var readerKeys = readerList switch
        {
            nameof(HarnessConfigurationReader.RootKeys) => HarnessConfigurationReader.RootKeys,
            nameof(HarnessConfigurationReader.BrowserKeys) => HarnessConfigurationReader.BrowserKeys,
            nameof(HarnessConfigurationReader.MessengerKeys) => HarnessConfigurationReader.MessengerKeys,
            nameof(HarnessConfigurationReader.ReportKeys) => HarnessConfigurationReader.ReportKeys,
            nameof(HarnessConfigurationReader.ConnectKeys) => HarnessConfigurationReader.ConnectKeys,
            nameof(HarnessConfigurationReader.HttpCredentialsKeys) => HarnessConfigurationReader.HttpCredentialsKeys,
            nameof(HarnessConfigurationReader.SetupKeys) => HarnessConfigurationReader.SetupKeys,
            "SiteKeys" => SiteReader.SiteKeys,
            "StepKeys" => SiteStepReader.StepKeys,
            "EmulationKeys" => EmulationReader.EmulationKeys,
            _ => SiteStepReader.ExpectKeys,
        };
        schemaKeys.ShouldBe(readerKeys.Order(StringComparer.Ordinal));
    }

    [Test]
    public void The_schemas_defaults_are_the_readers_defaults()
    {
        var defaults = HarnessConfigurationReader.Parse("""{ "sites": [ { "name": "a", "url": "https://example.com/" } ] }""", "test");
        var properties = SchemaDocument.Value.GetProperty("properties");
        var messenger = properties.GetProperty("messenger").GetProperty("properties");
        messenger.GetProperty("scriptUrl").GetProperty("default").EnumerateArray().Select(e => e.GetString()).ShouldBe(defaults.Messenger.ScriptUrl);
        messenger.GetProperty("tokenEnv").GetProperty("default").GetString().ShouldBe(defaults.Messenger.TokenEnv);
        messenger.GetProperty("timestampToleranceSeconds").GetProperty("default").GetInt32().ShouldBe(defaults.Messenger.TimestampToleranceSeconds);
        messenger.GetProperty("forgetLatencyMs").GetProperty("default").GetInt32().ShouldBe(defaults.Messenger.ForgetLatencyMs);
        messenger.GetProperty("clicksBeforeLoad").GetProperty("default").GetBoolean().ShouldBe(defaults.Messenger.ClicksBeforeLoad);
        properties.GetProperty("siteBudgetSeconds").GetProperty("default").GetInt32().ShouldBe(defaults.SiteBudgetSeconds);
        properties.GetProperty("report").GetProperty("properties").GetProperty("dir").GetProperty("default").GetString().ShouldBe(defaults.Report.Dir);
        properties.GetProperty("browser").GetProperty("properties").GetProperty("headless").GetProperty("default").GetBoolean().ShouldBe(defaults.Browser.Headless);
    }

    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "click": "#a", "value": "x" } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#a" } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "expect": { "visibility": "open" } } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "expect": { "identified": "yes" } } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "expect": {} } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "expect": { "identified": true }, "logout": true } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "ftp://example.com/" } ] }""")]
    [TestCase("""{ "messenger": { "tokenEnv": "my token" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "siteBudgetSeconds": 0, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "$schema": 3, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": {} }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "wsEndpoint": "ws://a/", "cdpEndpoint": "http://a/" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "wsEndpoint": "http://a/" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "cdpEndpoint": "ftp://a/" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "wsEndpoint": "ws://a/", "headers": { "Authorization": "Bearer abc" } } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "wsEndpoint": "ws://a/", "headers": { "Bad Header": "X" } } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "executablePath": "/usr/bin/chromium", "connect": { "wsEndpoint": "ws://a/" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "headless": true, "connect": { "cdpEndpoint": "http://a/" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "httpCredentials": { "usernameEnv": "U" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "httpCredentials": { "usernameEnv": "U", "passwordEnv": "not a name" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "headers": { "X-Key": "Bearer abc" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "storageState": "" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "baseUrl": "staging.example.com", "sites": [ { "name": "a", "url": "/a" } ] }""")]
    [TestCase("""{ "setup": { "url": "/login" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "setup": { "steps": [] }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "setup": { "url": "https://example.com/login", "steps": [ { "expect": { "identified": true } } ] }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#a", "value": "x", "valueEnv": "X" } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "click": "#a", "valueEnv": "X" } ] } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#a", "valueEnv": "not a name" } ] } ] }""")]
    [TestCase("""{ "browser": { "viewport": { "width": 390 } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "viewport": { "width": 0, "height": 844 } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "viewport": { "width": 390, "height": 844, "depth": 1 } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "device": "" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "locale": "en_US" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "timezoneId": "+02:00" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "colorScheme": "Dark" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "browser": { "headless": false } } ] }""")]
    [TestCase("""{ "sites": [ { "name": "a", "url": "https://example.com/", "browser": { "viewport": { "height": 10001, "width": 5 } } } ] }""")]
    public void What_the_reader_rejects_the_schema_rejects(string json)
    {
        Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(json, "test"));
        using var document = JsonDocument.Parse(json);
        Schema.Value.Evaluate(document.RootElement).IsValid.ShouldBeFalse();
    }

    [TestCase("""{ "browser": { "connect": { "wsEndpoint": "wss://browsers.example.com/pw?x=1", "headers": { "Authorization": "PW_AUTH", "x-playwright-launch-options": "PW_LAUNCH" } } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "connect": { "cdpEndpoint": "http://127.0.0.1:9222" } }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "baseUrl": "https://staging.example.com/", "setup": { "url": "/login", "steps": [ { "fill": "#p", "valueEnv": "P" }, { "click": "#go" } ] }, "sites": [ { "name": "a", "url": "/account" } ] }""")]
    [TestCase("""{ "browser": { "httpCredentials": { "usernameEnv": "U", "passwordEnv": "P" }, "headers": { "X-Key": "K" }, "storageState": "state.json" }, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""")]
    [TestCase("""{ "browser": { "device": "Pixel 7", "viewport": { "width": 1, "height": 10000 }, "locale": "zh-Hant-TW", "timezoneId": "America/Argentina/Buenos_Aires", "colorScheme": "no-preference" }, "sites": [ { "name": "a", "url": "https://example.com/", "browser": { "device": "Desktop Chrome", "locale": "es-419", "timezoneId": "Etc/GMT+5", "colorScheme": "light" } } ] }""")]
    public void What_the_reader_accepts_the_schema_accepts(string json)
    {
        Should.NotThrow(() => HarnessConfigurationReader.Parse(json, "test"));
        using var document = JsonDocument.Parse(json);
        Schema.Value.Evaluate(document.RootElement).IsValid.ShouldBeTrue();
    }

    [Test]
    public void The_reader_accepts_a_schema_reference_and_names_a_bad_one_by_its_path()
    {
        Should.NotThrow(() => HarnessConfigurationReader.Parse("""{ "$schema": "./schemas/playwright.config.schema.json", "sites": [ { "name": "a", "url": "https://example.com/" } ] }""", "test"));
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse("""{ "$schema": true, "sites": [ { "name": "a", "url": "https://example.com/" } ] }""", "test"));
        error.Problems.Select(p => p.Path).ShouldBe(["$.$schema"]);
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
}
