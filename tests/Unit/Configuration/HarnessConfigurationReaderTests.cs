using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Configuration;

public sealed class HarnessConfigurationReaderTests
{
    [Test]
    public void The_design_example_reads_into_every_section()
    {
        var configuration = HarnessConfigurationReader.Load(Path.Combine(ConfigurationFixtures.Root, "valid", "full.json"));

        configuration.Browser.ShouldBe(new BrowserOptions(null, true));
        configuration.Messenger.ScriptUrl.ShouldBe(["https://*.kayakocdn.com/messenger**"]);
        configuration.Messenger.TokenEnv.ShouldBe("KAYAKO_MESSENGER_TOKEN");
        configuration.Messenger.TimestampToleranceSeconds.ShouldBe(300);
        configuration.Messenger.ForgetLatencyMs.ShouldBe(200);
        configuration.Report.Dir.ShouldBe("TestResults/harness");
        var site = configuration.Sites.ShouldHaveSingleItem();
        site.Name.ShouldBe("account");
        site.Url.ShouldBe(new Uri("https://staging.example.com/account"));
        site.Steps.Select(s => s.GetType().Name).ShouldBe(
            ["ExpectStep", "ClickStep", "ExpectStep", "FillStep", "GotoStep", "ClickStep"]);
        site.Steps[0].ShouldBe(new ExpectStep(0, "$.sites[0].steps[0]", null, ExpectedIdentity.Identified));
        site.Steps[2].ShouldBe(new ExpectStep(2, "$.sites[0].steps[2]", MessengerVisibility.Maximized, null));
        site.Steps[3].ShouldBe(new FillStep(3, "$.sites[0].steps[3]", false, "#q", "text"));
        site.Steps[5].ShouldBe(new ClickStep(5, "$.sites[0].steps[5]", true, "#logout"));
    }

    [Test]
    public void A_relative_goto_is_resolved_against_the_site_url()
    {
        var configuration = HarnessConfigurationReader.Load(Path.Combine(ConfigurationFixtures.Root, "valid", "full.json"));

        configuration.Sites[0].Steps[4].ShouldBe(new GotoStep(4, "$.sites[0].steps[4]", false, new Uri("https://staging.example.com/help")));
    }

    [Test]
    public void Missing_sections_take_the_documented_defaults()
    {
        var configuration = HarnessConfigurationReader.Parse("""{ "sites": [ { "name": "home", "url": "http://127.0.0.1:8080/" } ] }""", "inline");

        configuration.Browser.ShouldBe(new BrowserOptions());
        configuration.Messenger.ShouldBe(MessengerSettings.Default);
        configuration.Report.ShouldBe(new ReportOptions("TestResults/harness"));
        configuration.Sites[0].Steps.ShouldBeEmpty();
    }

    [TestCaseSource(typeof(ConfigurationFixtures), nameof(ConfigurationFixtures.Invalid))]
    public void Every_problem_is_listed_with_its_json_path(string file)
    {
        var expected = ConfigurationFixtures.ExpectedPaths(file);

        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Load(file));

        error.Problems.Select(p => p.Path).ShouldBe(expected, ignoreOrder: true);
        error.ConfigurationSource.ShouldBe(file);
        foreach (var problem in error.Problems)
        {
            error.Message.ShouldContain(problem.Path + ": " + problem.Message);
        }
    }

    [Test]
    public void An_unknown_key_is_named_with_what_is_allowed_there()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(
            """{ "sites": [ { "name": "home", "url": "https://a.example.com/", "stpes": [] } ] }""", "inline"));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$.sites[0].stpes");
        problem.Message.ShouldBe("unknown key \"stpes\". Allowed here: name, url, steps, browser.");
    }

    [Test]
    public void A_wrong_type_names_the_value_found()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(
            """{ "browser": { "headless": "yes" }, "sites": [ { "name": "home", "url": "https://a.example.com/" } ] }""", "inline"));

        error.Problems.ShouldHaveSingleItem().ToString().ShouldBe("$.browser.headless: must be true or false, not the string \"yes\".");
    }

    [Test]
    public void An_invalid_visibility_lists_the_allowed_states()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(
            """{ "sites": [ { "name": "a", "url": "https://a.example.com/", "steps": [ { "expect": { "visibility": "Open" } } ] } ] }""", "inline"));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("use one of minimized, maximized, hidden");
    }

    [Test]
    public void Identified_accepts_verified_besides_true_and_false()
    {
        var configuration = HarnessConfigurationReader.Parse(
            """{ "sites": [ { "name": "a", "url": "https://a.example.com/", "steps": [ { "expect": { "identified": "verified" } }, { "expect": { "identified": false } } ] } ] }""", "inline");

        configuration.Sites[0].Steps.Cast<ExpectStep>().Select(s => s.Identified).ShouldBe([ExpectedIdentity.Verified, ExpectedIdentity.NotIdentified]);
    }

    [Test]
    public void An_invalid_identified_value_lists_what_is_allowed()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(
            """{ "sites": [ { "name": "a", "url": "https://a.example.com/", "steps": [ { "expect": { "identified": "yes" } } ] } ] }""", "inline"));

        error.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            "$.sites[0].steps[0].expect.identified: must be true (identify was called), false (nobody identified) or \"verified\" (identify with a signature that verifies), not the string \"yes\".");
    }

    [Test]
    public void Clicks_before_load_are_played_unless_turned_off()
    {
        const string Sites = """ "sites": [ { "name": "a", "url": "https://a.example.com/" } ] """;

        HarnessConfigurationReader.Parse($$"""{ {{Sites}} }""", "inline").Messenger.ClicksBeforeLoad.ShouldBeTrue();
        HarnessConfigurationReader.Parse($$"""{ "messenger": { "clicksBeforeLoad": false }, {{Sites}} }""", "inline").Messenger.ClicksBeforeLoad.ShouldBeFalse();
        Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse($$"""{ "messenger": { "clicksBeforeLoad": "no" }, {{Sites}} }""", "inline"))
            .Problems.ShouldHaveSingleItem().ToString().ShouldStartWith("$.messenger.clicksBeforeLoad: must be true or false");
    }

    [Test]
    public void Each_site_gets_a_minute_unless_the_configuration_gives_another_budget()
    {
        const string Sites = """ "sites": [ { "name": "a", "url": "https://a.example.com/" } ] """;

        HarnessConfigurationReader.Parse($$"""{ {{Sites}} }""", "inline").SiteBudgetSeconds.ShouldBe(60);
        HarnessConfigurationReader.Parse($$"""{ "siteBudgetSeconds": 15, {{Sites}} }""", "inline").SiteBudgetSeconds.ShouldBe(15);
        Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse($$"""{ "siteBudgetSeconds": 0, {{Sites}} }""", "inline"))
            .Problems.ShouldHaveSingleItem().ToString().ShouldStartWith("$.siteBudgetSeconds:");
    }

    [Test]
    public void A_token_pasted_as_token_env_is_never_echoed()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse(
            """{ "messenger": { "tokenEnv": "s3cr3t/t0ken+value" }, "sites": [ { "name": "a", "url": "https://a.example.com/" } ] }""", "inline"));

        var problem = error.Problems.ShouldHaveSingleItem().ToString();
        problem.ShouldStartWith("$.messenger.tokenEnv: is not an environment variable name");
        error.Message.ShouldNotContain("s3cr3t");
    }

    [Test]
    public void Invalid_json_says_where_the_text_breaks()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Parse("{\n  \"sites\": [ }", "playwright.config.json"));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("line 2");
        error.Message.ShouldStartWith("playwright.config.json has 1 problem:");
    }

    [Test]
    public void A_missing_file_is_a_configuration_problem_not_a_crash()
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.Load("/nonexistent/playwright.config.json"));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("cannot read the file");
    }

    [TestCase("https://staging.example.com/account/", "staging.example.com/account")]
    [TestCase("http://127.0.0.1:8080/", "127.0.0.1")]
    public void A_url_on_the_command_line_becomes_one_site_without_steps(string url, string name)
    {
        var configuration = HarnessConfigurationReader.ForUrl(url);

        var site = configuration.Sites.ShouldHaveSingleItem();
        site.Url.ShouldBe(new Uri(url));
        site.Name.ShouldBe(name);
        site.Steps.ShouldBeEmpty();
        configuration.Messenger.ShouldBe(MessengerSettings.Default);
    }

    [TestCase("staging.example.com")]
    [TestCase("file:///etc/passwd")]
    public void A_url_that_is_not_absolute_http_is_refused(string url)
    {
        var error = Should.Throw<ConfigurationException>(() => HarnessConfigurationReader.ForUrl(url));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain($"\"{url}\" is not an absolute http or https URL");
    }

    [Test]
    public void The_example_configuration_at_the_root_is_valid_and_plays_the_demo_site()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(ConfigurationFixtures.Root)))!;

        var configuration = HarnessConfigurationReader.Load(Path.Combine(root, "playwright.config.json"));

        configuration.Sites.Count.ShouldBeGreaterThanOrEqualTo(5);
        configuration.Sites.ShouldAllBe(site => site.Url.AbsoluteUri.StartsWith(Kayako.Harness.Checking.DemoSite.Origin, StringComparison.Ordinal));
        Kayako.Harness.Checking.DemoSite.Configuration().Sites.Select(s => s.Name).ShouldBe(configuration.Sites.Select(s => s.Name));
    }
}
