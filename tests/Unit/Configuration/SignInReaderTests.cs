using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Configuration;

/// <summary>
/// Sign-in and environments: <c>browser.httpCredentials</c>, <c>browser.headers</c>, <c>browser.storageState</c>,
/// <c>setup</c>, a fill's <c>valueEnv</c> and <c>baseUrl</c> with its overrides. Values come from environment
/// variables by name, read when the run starts; every bad value is named by its JSON path, and no secret is shown.
/// </summary>
public sealed class SignInReaderTests
{
    private const string Site = """ "sites": [ { "name": "a", "url": "https://example.com/" } ] """;

    private static HarnessConfiguration Parse(string members, BaseUrlOverride? baseUrl = null) =>
        HarnessConfigurationReader.Parse($$"""{ {{members}} }""", "/configs/staging/playwright.config.json", baseUrl);

    private static ConfigurationException Refused(string members, BaseUrlOverride? baseUrl = null) => Should.Throw<ConfigurationException>(() => Parse(members, baseUrl));

    [Test]
    public void Credentials_headers_and_a_storage_state_relative_to_the_file_are_read()
    {
        var configuration = Parse($$"""
            "browser": { "httpCredentials": { "usernameEnv": "STAGING_USER", "passwordEnv": "STAGING_PASSWORD" },
                         "headers": { "X-Staging-Key": "STAGING_KEY" }, "storageState": "state/sso.json" }, {{Site}}
            """);

        configuration.Browser.HttpCredentials.ShouldBe(new HttpCredentialVariables("STAGING_USER", "STAGING_PASSWORD"));
        configuration.Browser.HeaderVariables.ShouldBe(new Dictionary<string, string> { ["X-Staging-Key"] = "STAGING_KEY" });
        configuration.Browser.StorageState.ShouldBe(Path.GetFullPath("/configs/staging/state/sso.json"));
    }

    [Test]
    public void Without_them_a_context_is_not_signed_in()
    {
        var configuration = Parse(Site);

        configuration.Browser.HttpCredentials.ShouldBeNull();
        configuration.Browser.HeaderVariables.ShouldBeEmpty();
        configuration.Browser.StorageState.ShouldBeNull();
        configuration.Setup.ShouldBeNull();
        configuration.BaseUrl.ShouldBeNull();
    }

    [TestCase("""{ "usernameEnv": "U" }""", "$.browser.httpCredentials.passwordEnv", "is missing")]
    [TestCase("""{ "usernameEnv": "U", "passwordEnv": "hunter2 hunter2" }""", "$.browser.httpCredentials.passwordEnv", "is not an environment variable name")]
    [TestCase("""{ "usernameEnv": 3, "passwordEnv": "P" }""", "$.browser.httpCredentials.usernameEnv", "must be a string")]
    [TestCase("""{ "usernameEnv": "U", "passwordEnv": "P", "realm": "x" }""", "$.browser.httpCredentials.realm", "unknown key")]
    public void A_bad_credentials_section_is_named_by_its_path(string credentials, string path, string message)
    {
        var problem = Refused($$""" "browser": { "httpCredentials": {{credentials}} }, {{Site}} """).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(message);
        problem.Message.ShouldNotContain("hunter2");
    }

    [TestCase("""{ "X-Key": "Bearer hunter2" }""", "$.browser.headers['X-Key']", "is not an environment variable name")]
    [TestCase("""{ "Bad Header": "K" }""", "$.browser.headers['Bad Header']", "is not an HTTP header name")]
    [TestCase("""{ "x-key": "A", "X-KEY": "B" }""", "$.browser.headers['X-KEY']", "is given twice")]
    public void A_bad_header_is_named_by_its_path_and_its_value_is_not_shown(string headers, string path, string message)
    {
        var problem = Refused($$""" "browser": { "headers": {{headers}} }, {{Site}} """).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(message);
        problem.Message.ShouldNotContain("hunter2");
    }

    [Test]
    public void An_empty_storage_state_path_is_refused()
    {
        Refused($$""" "browser": { "storageState": "" }, {{Site}} """).Problems.ShouldHaveSingleItem().Path.ShouldBe("$.browser.storageState");
    }

    [Test]
    public void A_fill_reads_its_value_from_a_variable_by_name_and_never_shows_it()
    {
        var configuration = Parse(""" "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#password", "valueEnv": "STAGING_PASSWORD" } ] } ] """);

        var fill = configuration.Sites[0].Steps.ShouldHaveSingleItem().ShouldBeOfType<FillStep>();
        fill.ValueEnv.ShouldBe("STAGING_PASSWORD");
        fill.ToString().ShouldContain("Value from $STAGING_PASSWORD (not shown)");
    }

    [TestCase("""{ "fill": "#p", "value": "a", "valueEnv": "P" }""", "$.sites[0].steps[0]", "has both value and valueEnv")]
    [TestCase("""{ "fill": "#p" }""", "$.sites[0].steps[0].value", "is missing; a fill step needs the text to type")]
    [TestCase("""{ "fill": "#p", "valueEnv": "hunter2!" }""", "$.sites[0].steps[0].valueEnv", "is not an environment variable name")]
    [TestCase("""{ "click": "#p", "valueEnv": "P" }""", "$.sites[0].steps[0].valueEnv", "belongs to a fill step")]
    public void A_bad_value_env_is_named_by_its_path(string step, string path, string message)
    {
        var problem = Refused($$""" "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ {{step}} ] } ] """).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(message);
        problem.Message.ShouldNotContain("hunter2");
    }

    [Test]
    public void Relative_site_setup_and_goto_urls_resolve_against_the_base_url()
    {
        var configuration = Parse("""
            "baseUrl": "https://staging.example.com/shop/",
            "setup": { "url": "/login", "steps": [ { "fill": "#user", "value": "qa" }, { "click": "#go" } ] },
            "sites": [ { "name": "a", "url": "account", "steps": [ { "goto": "/help" } ] }, { "name": "b", "url": "https://www.example.com/" } ]
            """);

        configuration.BaseUrl.ShouldBe(new Uri("https://staging.example.com/shop/"));
        configuration.Setup.ShouldNotBeNull().Url.ShouldBe(new Uri("https://staging.example.com/login"));
        configuration.Setup.Steps.Count.ShouldBe(2);
        configuration.Setup.JsonPath.ShouldBe("$.setup");
        configuration.Sites[0].Url.ShouldBe(new Uri("https://staging.example.com/shop/account"));
        configuration.Sites[0].Steps.ShouldHaveSingleItem().ShouldBeOfType<GotoStep>().Url.ShouldBe(new Uri("https://staging.example.com/help"));
        configuration.Sites[1].Url.ShouldBe(new Uri("https://www.example.com/"));
    }

    [Test]
    public void An_override_replaces_the_configurations_base_url()
    {
        const string members = """ "baseUrl": "https://staging.example.com/", "sites": [ { "name": "a", "url": "/account" } ] """;

        var configuration = Parse(members, new BaseUrlOverride("https://www.example.com/", "--base-url"));

        configuration.BaseUrl.ShouldBe(new Uri("https://www.example.com/"));
        configuration.Sites[0].Url.ShouldBe(new Uri("https://www.example.com/account"));
    }

    [Test]
    public void An_override_gives_a_base_to_a_configuration_without_one()
    {
        var configuration = Parse(""" "sites": [ { "name": "a", "url": "/account" } ] """, new BaseUrlOverride("http://127.0.0.1:8080/", HarnessConfigurationReader.BaseUrlVariable));

        configuration.Sites[0].Url.ShouldBe(new Uri("http://127.0.0.1:8080/account"));
    }

    [Test]
    public void A_relative_url_without_a_base_names_the_sites_path_and_every_way_to_give_one()
    {
        var problem = Refused(""" "sites": [ { "name": "a", "url": "https://example.com/" }, { "name": "b", "url": "/account" } ] """).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.sites[1].url");
        problem.Message.ShouldContain("\"/account\" is relative, and no base URL is given");
        problem.Message.ShouldContain("--base-url");
        problem.Message.ShouldContain(HarnessConfigurationReader.BaseUrlVariable);
    }

    [Test]
    public void A_bad_base_url_is_named_by_where_it_came_from_and_its_relative_urls_are_not_reported_again()
    {
        const string members = """ "sites": [ { "name": "a", "url": "/account" } ] """;

        Refused(""" "baseUrl": "staging", """ + members).Problems.ShouldHaveSingleItem().Path.ShouldBe("$.baseUrl");
        var fromOption = Refused(members, new BaseUrlOverride("ftp://user:hunter2@example.com/", "--base-url")).Problems.ShouldHaveSingleItem();
        fromOption.Path.ShouldBe("--base-url");
        fromOption.Message.ShouldContain("a ftp:// URL is not an absolute http or https URL");
        fromOption.Message.ShouldNotContain("hunter2");
    }

    [Test]
    public void A_site_url_of_another_scheme_is_refused_even_with_a_base()
    {
        var problem = Refused(""" "baseUrl": "https://example.com/", "sites": [ { "name": "a", "url": "ftp://example.com/" } ] """).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.sites[0].url");
        problem.Message.ShouldContain("is a ftp: URL");
    }

    [TestCase(""" "setup": { "steps": [] }, """, "$.setup.url", "is missing")]
    [TestCase(""" "setup": { "url": "https://example.com/login", "steps": [ { "expect": { "identified": true } } ] }, """, "$.setup.steps[0].expect", "cannot be part of the set-up")]
    [TestCase(""" "setup": { "url": "https://example.com/login", "steps": [ { "click": "" } ] }, """, "$.setup.steps[0].click", "must not be empty")]
    [TestCase(""" "setup": { "url": "/login" }, """, "$.setup.url", "is relative, and no base URL is given")]
    [TestCase(""" "setup": { "url": "https://example.com/login", "wait": 1 }, """, "$.setup.wait", "unknown key")]
    public void A_bad_setup_is_named_by_its_path(string setup, string path, string message)
    {
        var problem = Refused(setup + Site).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe(path);
        problem.Message.ShouldContain(message);
    }

    [Test]
    public void At_run_start_values_come_from_the_environment_and_a_missing_variable_names_it_and_its_path()
    {
        using var user = new Variable("qa-user");
        using var password = new Variable("hunter2-password");
        using var key = new Variable("key-value-0123456789");
        using var unset = new Variable(null);
        var configuration = Parse($$"""
            "browser": { "httpCredentials": { "usernameEnv": "{{user.Name}}", "passwordEnv": "{{password.Name}}" }, "headers": { "X-Key": "{{key.Name}}" } },
            "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#p", "valueEnv": "{{password.Name}}" } ] } ]
            """);

        var signIn = SignIn.Read(configuration);

        signIn.Credentials.ShouldNotBeNull().Username.ShouldBe("qa-user");
        signIn.Credentials.Password.ShouldBe("hunter2-password");
        signIn.Headers.ShouldBe(new Dictionary<string, string> { ["X-Key"] = "key-value-0123456789" });
        signIn.Configuration.Sites[0].Steps[0].ShouldBeOfType<FillStep>().Value.ShouldBe("hunter2-password");
        signIn.Secrets.ShouldBe(["qa-user", "hunter2-password", "qa-user:hunter2-password", "key-value-0123456789", "hunter2-password"]);

        var missing = configuration with
        {
            Browser = configuration.Browser with { HeaderVariables = new Dictionary<string, string> { ["X-Key"] = unset.Name } },
        };
        var problem = Should.Throw<ConfigurationException>(() => SignIn.Read(missing)).Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$.browser.headers['X-Key']");
        problem.Message.ShouldContain($"the environment variable {unset.Name}, which is not set");
    }

    [Test]
    public void A_missing_fill_variable_names_the_steps_path()
    {
        using var unset = new Variable("");
        var configuration = Parse($$""" "sites": [ { "name": "a", "url": "https://example.com/", "steps": [ { "fill": "#p", "valueEnv": "{{unset.Name}}" } ] } ] """);

        var problem = Should.Throw<ConfigurationException>(() => SignIn.Read(configuration)).Problems.ShouldHaveSingleItem();

        problem.Path.ShouldBe("$.sites[0].steps[0].valueEnv");
        problem.Message.ShouldContain(unset.Name);
    }

    [Test]
    public void A_storage_state_file_is_read_at_run_start_its_cookies_are_secrets_and_a_bad_one_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("kayako-state-");
        try
        {
            var file = Path.Combine(folder.FullName, "state.json");
            File.WriteAllText(file, """{ "cookies": [ { "name": "sid", "value": "session-0123456789abcdef", "domain": "example.com", "path": "/" }, { "name": "theme", "value": "dark" } ], "origins": [] }""");
            var configuration = HarnessConfigurationReader.Parse($$""" { "browser": { "storageState": "state.json" }, {{Site}} } """, Path.Combine(folder.FullName, "playwright.config.json"));

            var signIn = SignIn.Read(configuration);
            signIn.StorageState.ShouldNotBeNull().ShouldContain("session-0123456789abcdef");
            signIn.Secrets.ShouldBe(["session-0123456789abcdef"]);

            File.WriteAllText(file, "not json session-0123456789abcdef");
            var broken = Should.Throw<ConfigurationException>(() => SignIn.Read(configuration)).Problems.ShouldHaveSingleItem();
            broken.Path.ShouldBe("$.browser.storageState");
            broken.Message.ShouldContain("is not a Playwright storage state");
            broken.Message.ShouldNotContain("session-0123456789abcdef");

            File.Delete(file);
            var missing = Should.Throw<ConfigurationException>(() => SignIn.Read(configuration)).Problems.ShouldHaveSingleItem();
            missing.Path.ShouldBe("$.browser.storageState");
            missing.Message.ShouldContain($"the storage-state file {file} cannot be read");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_redactor_masks_every_secret_in_its_forms_and_the_token_as_the_token()
    {
        var redactor = new TokenRedactor("token-0123456789", ["hunter2-password", "qa", null, ""]);

        redactor.Redact("t=token-0123456789 p=hunter2-password u=qa b64=" + Convert.ToBase64String("hunter2-password"u8.ToArray()) + " q=" + Uri.EscapeDataString("hunter2-password") + " aqua")
            .ShouldBe("t=[token] p=[secret] u=[secret] b64=[secret]ZA== q=[secret] aqua"); // the last, partial base64 group is not the secret's alone
        redactor.Finds("hunter2-password").ShouldBeTrue();
        new TokenRedactor(null, ["hunter2-password"]).Knows.ShouldBeTrue();
        new TokenRedactor(null, []).Knows.ShouldBeFalse();
    }

    private sealed class Variable : IDisposable
    {
        public Variable(string? value)
        {
            Name = $"KAYAKO_TEST_SECRET_{Guid.NewGuid():N}";
            Environment.SetEnvironmentVariable(Name, value);
        }

        public string Name { get; }

        public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
    }
}
