using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class ConfigurationHashTests
{
    private const string Config = """
        { "messenger": { "tokenEnv": "KAYAKO_MESSENGER_TOKEN" },
          "sites": [ { "name": "home", "url": "https://staging.example.com/", "steps": [ { "click": "#chat" } ] } ] }
        """;

    private static string Hash(string json) => ConfigurationHash.Of(HarnessConfigurationReader.Parse(json, "test"));

    [Test]
    public void Whitespace_key_order_and_written_out_defaults_do_not_change_it()
    {
        var compact = """{"sites":[{"url":"https://staging.example.com/","name":"home","steps":[{"click":"#chat"}]}],"messenger":{"tokenEnv":"KAYAKO_MESSENGER_TOKEN"}}""";
        var withDefaults = """
            { "messenger": { "tokenEnv": "KAYAKO_MESSENGER_TOKEN" }, "report": { "dir": "TestResults/harness" },
              "sites": [ { "name": "home", "url": "https://staging.example.com/", "steps": [ { "click": "#chat" } ] } ] }
            """;

        Hash(compact).ShouldBe(Hash(Config));
        Hash(withDefaults).ShouldBe(Hash(Config));
        Hash(Config).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Test]
    public void Where_the_run_happens_does_not_change_it_but_what_it_checks_does()
    {
        var otherBrowser = Config.Replace("{ \"messenger\"", "{ \"browser\": { \"headless\": false }, \"report\": { \"dir\": \"elsewhere\" }, \"messenger\"", StringComparison.Ordinal);
        Hash(otherBrowser).ShouldBe(Hash(Config));

        Hash(Config.Replace("#chat", "#help", StringComparison.Ordinal)).ShouldNotBe(Hash(Config));
        Hash(Config.Replace("\"home\"", "\"start\"", StringComparison.Ordinal)).ShouldNotBe(Hash(Config));
        Hash(Config.Replace("KAYAKO_MESSENGER_TOKEN", "OTHER_TOKEN", StringComparison.Ordinal)).ShouldNotBe(Hash(Config));
        Hash(Config.Replace("{ \"click\": \"#chat\" }", "{ \"fill\": \"#chat\", \"value\": \"x\" }", StringComparison.Ordinal)).ShouldNotBe(Hash(Config));
    }

    [Test]
    public void What_the_browser_pretends_to_be_changes_it_since_it_decides_what_a_page_does()
    {
        var phone = Config.Replace("{ \"messenger\"", "{ \"browser\": { \"device\": \"iPhone 13\" }, \"messenger\"", StringComparison.Ordinal);
        var sitePhone = Config.Replace("\"steps\":", "\"browser\": { \"device\": \"iPhone 13\" }, \"steps\":", StringComparison.Ordinal);
        var german = Config.Replace("{ \"messenger\"", "{ \"browser\": { \"locale\": \"de-DE\" }, \"messenger\"", StringComparison.Ordinal);

        Hash(phone).ShouldNotBe(Hash(Config));
        Hash(german).ShouldNotBe(Hash(Config));
        Hash(sitePhone).ShouldBe(Hash(phone));
    }
}
