using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Tests.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Configuration;

/// <summary>
/// <c>browser.connect</c> and <c>--connect</c>: a Playwright server or a CDP endpoint, exactly one; header values
/// come from environment variables by name and are never shown; bad values are named by their JSON path.
/// </summary>
public sealed class BrowserConnectReaderTests
{
    private const string Site = """ "sites": [ { "name": "a", "url": "https://example.com/" } ] """;

    private static HarnessConfiguration Parse(string browser) => HarnessConfigurationReader.Parse($$"""{ "browser": {{browser}}, {{Site}} }""", "test.json");

    private static ConfigurationException Refused(string browser) => Should.Throw<ConfigurationException>(() => Parse(browser));

    [Test]
    public void A_playwright_server_with_headers_from_environment_variables_is_read()
    {
        var configuration = Parse("""{ "connect": { "wsEndpoint": "wss://browsers.example.com/pw?k=1", "headers": { "Authorization": "PW_SERVICE_AUTH", "x-playwright-launch-options": "PW_LAUNCH" } } }""");

        var connect = configuration.Browser.Connect.ShouldNotBeNull();
        connect.Endpoint.ShouldBe(new Uri("wss://browsers.example.com/pw?k=1"));
        connect.OverCdp.ShouldBeFalse();
        connect.HeaderVariables.ShouldBe(new Dictionary<string, string> { ["Authorization"] = "PW_SERVICE_AUTH", ["x-playwright-launch-options"] = "PW_LAUNCH" });
    }

    [TestCase("http://127.0.0.1:9222")]
    [TestCase("ws://127.0.0.1:9222/devtools/browser/abc")]
    public void A_cdp_endpoint_is_read(string endpoint)
    {
        var connect = Parse($$"""{ "connect": { "cdpEndpoint": "{{endpoint}}" } }""").Browser.Connect.ShouldNotBeNull();

        connect.Endpoint.ShouldBe(new Uri(endpoint));
        connect.OverCdp.ShouldBeTrue();
        connect.HeaderVariables.ShouldBeEmpty();
    }

    [Test]
    public void Without_connect_the_local_chromium_is_launched()
    {
        HarnessConfigurationReader.Parse($$"""{ {{Site}} }""", "test.json").Browser.Connect.ShouldBeNull();
    }

    [TestCase("""{ "connect": {} }""", "$.browser.connect", "needs wsEndpoint")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "cdpEndpoint": "http://a/" } }""", "$.browser.connect", "has both wsEndpoint and cdpEndpoint; keep one")]
    [TestCase("""{ "connect": { "wsEndpoint": "http://a:3000/" } }""", "$.browser.connect.wsEndpoint", "a http:// URL is not a ws:// or wss:// URL")]
    [TestCase("""{ "connect": { "cdpEndpoint": "localhost" } }""", "$.browser.connect.cdpEndpoint", "\"localhost\" is not an http(s):// or ws(s):// URL")]
    [TestCase("""{ "connect": { "wsEndpoint": "" } }""", "$.browser.connect.wsEndpoint", "must not be empty")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "port": 3 } }""", "$.browser.connect.port", "unknown key \"port\". Allowed here: wsEndpoint, cdpEndpoint, headers.")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "headers": { "Bad Header": "X" } } }""", "$.browser.connect.headers['Bad Header']", "is not an HTTP header name")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "headers": { "A": "X", "a": "Y" } } }""", "$.browser.connect.headers.a", "given twice (header names ignore case)")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "headers": { "A": 3 } } }""", "$.browser.connect.headers.A", "must be a string")]
    [TestCase("""{ "connect": { "wsEndpoint": "ws://a/", "headers": [] } }""", "$.browser.connect.headers", "must be an object")]
    [TestCase("""{ "executablePath": "/usr/bin/chromium", "connect": { "wsEndpoint": "ws://a/" } }""", "$.browser.executablePath", "cannot be given with browser.connect")]
    [TestCase("""{ "headless": false, "connect": { "cdpEndpoint": "http://a/" } }""", "$.browser.headless", "cannot be given with browser.connect")]
    public void A_bad_connect_section_is_named_by_its_path(string browser, string path, string message)
    {
        var problem = Refused(browser).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(message);
    }

    [Test]
    public void A_header_value_that_is_not_a_variable_name_is_not_echoed()
    {
        const string secret = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0";

        var error = Refused($$"""{ "connect": { "wsEndpoint": "ws://a/", "headers": { "Authorization": "{{secret}}" } } }""");

        error.Problems.ShouldHaveSingleItem().Path.ShouldBe("$.browser.connect.headers.Authorization");
        error.Message.ShouldContain("is not an environment variable name (its value is not shown");
        error.Message.ShouldNotContain("eyJhbGciOiJIUzI1NiJ9");
    }

    [Test]
    public void Credentials_and_query_of_a_refused_endpoint_are_not_shown()
    {
        var error = Refused("""{ "connect": { "wsEndpoint": "https://user:hunter2@browsers.example.com/?token=s3cret" } }""");

        error.Message.ShouldContain("a https:// URL is not a ws:// or wss:// URL");
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("s3cret");
    }

    [TestCase("ws://127.0.0.1:3000/", false)]
    [TestCase("wss://browsers.example.com/playwright?token=t", false)]
    [TestCase("http://127.0.0.1:9222", true)]
    [TestCase("https://chrome.example.com", true)]
    public void A_connect_url_is_a_playwright_server_over_ws_and_cdp_over_http(string url, bool overCdp)
    {
        var connect = BrowserConnection.FromUrl(url, "--connect");

        connect.Endpoint.ShouldBe(new Uri(url));
        connect.OverCdp.ShouldBe(overCdp);
    }

    [TestCase("ftp://user:hunter2@example.com/?k=s3cret", "a ftp:// URL is not a browser endpoint")]
    [TestCase("localhost:3000", "\"localhost:3000\" is not a browser endpoint")]
    [TestCase("browsers?token=s3cret", "\"(not shown: it may hold credentials)\" is not a browser endpoint")]
    public void A_connect_url_that_is_no_endpoint_is_refused_without_its_credentials(string url, string message)
    {
        var error = Should.Throw<ConfigurationException>(() => BrowserConnection.FromUrl(url, "--connect"));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("--connect");
        problem.Message.ShouldStartWith(message);
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("s3cret");
    }

    [TestCase("ws://user:hunter2@127.0.0.1:3000/pw?token=s3cret", "ws://127.0.0.1:3000/pw (credentials and query not shown)")]
    [TestCase("http://127.0.0.1:9222", "http://127.0.0.1:9222/")]
    public void The_endpoint_is_shown_without_credentials_or_query(string url, string shown)
    {
        var connect = BrowserConnection.FromUrl(url, "--connect");

        connect.DisplayEndpoint.ShouldBe(shown);
        connect.ToString().ShouldNotContain("hunter2");
        connect.ToString().ShouldNotContain("s3cret");
    }

    [Test]
    public void Header_values_are_read_from_their_variables_and_a_missing_one_names_the_header_and_the_variable()
    {
        var set = $"KAYAKO_TEST_HEADER_{Guid.NewGuid():N}";
        var unset = $"KAYAKO_TEST_HEADER_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(set, "Bearer hunter2");
        try
        {
            var connect = new BrowserConnection(new Uri("ws://a/"), false, new Dictionary<string, string> { ["Authorization"] = set });
            RemoteBrowser.Headers(connect).ShouldBe(new Dictionary<string, string> { ["Authorization"] = "Bearer hunter2" });

            var missing = connect with { HeaderVariables = new Dictionary<string, string> { ["Authorization"] = set, ["x-api-key"] = unset } };
            var error = Should.Throw<ConfigurationException>(() => RemoteBrowser.Headers(missing));
            var problem = error.Problems.ShouldHaveSingleItem();
            problem.Path.ShouldBe("$.browser.connect.headers['x-api-key']");
            problem.Message.ShouldContain($"the header x-api-key takes its value from the environment variable {unset}, which is not set");
            error.Message.ShouldNotContain("hunter2");
        }
        finally
        {
            Environment.SetEnvironmentVariable(set, null);
        }
    }

    [Test]
    public async Task A_connect_option_that_is_no_endpoint_is_a_usage_error_without_its_credentials()
    {
        var (exit, output, error) = await CheckCli.RunAsync("--connect", "ftp://user:hunter2@example.com/?k=s3cret");

        exit.ShouldBe(2, error);
        error.ShouldContain("--connect: a ftp:// URL is not a browser endpoint");
        (output + error).ShouldNotContain("hunter2");
        (output + error).ShouldNotContain("s3cret");
    }

    [Test]
    public async Task An_unreachable_connect_endpoint_is_an_environment_error_naming_it_without_credentials()
    {
        // Port 1 on loopback refuses at once: nothing to wait for.
        var (exit, output, error) = await CheckCli.RunAsync("--connect", "ws://user:hunter2@127.0.0.1:1/?token=s3cret");

        exit.ShouldBe(3, error);
        error.ShouldContain("Could not connect to the Playwright server at ws://127.0.0.1:1/ (credentials and query not shown)");
        (output + error).ShouldNotContain("hunter2");
        (output + error).ShouldNotContain("s3cret");
    }
}
