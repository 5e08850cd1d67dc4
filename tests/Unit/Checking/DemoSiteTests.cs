using System.Text.Json;
using System.Text.RegularExpressions;
using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Signing;
using Kayako.Harness.Tests.Hosting;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>The demo site as a fixture host, and when <c>check</c> serves it.</summary>
public sealed partial class DemoSiteTests
{
    [Test]
    public void The_demo_configuration_uses_the_demo_site()
    {
        DemoSite.IsUsedBy(DemoSite.Configuration()).ShouldBeTrue();
    }

    [Test]
    public void A_run_of_other_sites_does_not_use_the_demo_site()
    {
        DemoSite.IsUsedBy(HarnessConfigurationReader.ForUrl("https://staging.example.com/account")).ShouldBeFalse();
    }

    [Test]
    public void A_site_that_goes_to_the_demo_site_uses_it()
    {
        // Arrange
        var configuration = HarnessConfigurationReader.Parse($$"""
            { "sites": [ { "name": "away", "url": "https://staging.example.com/", "steps": [ { "goto": "{{DemoSite.Origin}}help.html" } ] } ] }
            """, "test");

        // Act, Assert
        DemoSite.IsUsedBy(configuration).ShouldBeTrue();
    }

    [Test]
    public async Task The_account_page_is_signed_with_the_token_of_the_run_at_the_time_of_the_request()
    {
        // Arrange
        const string token = "a-run-token-for-the-demo";
        await using var demo = await DemoSite.StartAsync(token);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Act
        var page = await FixtureServer.GetAsync(demo, "account.html");

        // Assert
        page.Status.ShouldBe(200);
        page.Body.ShouldNotContain("{{identity}}");
        var identity = JsonDocument.Parse(IdentityJson().Match(page.Body).Groups["json"].Value).RootElement;
        var (name, email, timestamp) = (identity.GetProperty("name").GetString()!, identity.GetProperty("email").GetString()!, identity.GetProperty("timestamp").GetInt64());
        name.ShouldBe("Siobhán O'Brien");
        timestamp.ShouldBeInRange(before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        MessengerSignature.Verify(name, email, token, timestamp, identity.GetProperty("signature").GetString()!).ShouldBeTrue();
        MessengerSignature.Verify(name, email, DemoSite.DefaultToken, timestamp, identity.GetProperty("signature").GetString()!).ShouldBeFalse();
    }

    [Test]
    public async Task Without_a_token_the_demo_signs_with_its_own()
    {
        // Arrange
        await using var demo = await DemoSite.StartAsync(token: null);

        // Act
        var page = await FixtureServer.GetAsync(demo, "account.html");

        // Assert
        var identity = JsonDocument.Parse(IdentityJson().Match(page.Body).Groups["json"].Value).RootElement;
        MessengerSignature.Verify(identity.GetProperty("name").GetString()!, identity.GetProperty("email").GetString()!, DemoSite.DefaultToken,
            identity.GetProperty("timestamp").GetInt64(), identity.GetProperty("signature").GetString()!).ShouldBeTrue();
    }

    [Test]
    public async Task The_demo_serves_its_pages_at_its_origin_and_not_its_configuration()
    {
        // Arrange
        await using var demo = await DemoSite.StartAsync(token: null);

        // Act
        var index = await FixtureServer.GetAsync(demo, "");
        var configuration = await FixtureServer.GetAsync(demo, "playwright.config.json");

        // Assert
        demo.Origin.ShouldBe(DemoSite.Origin);
        index.Status.ShouldBe(200);
        index.Body.ShouldBe(await File.ReadAllTextAsync(RepositoryFixtures.PathOf("sites/demo/index.html")));
        configuration.Status.ShouldBe(404);
    }

    // The page prints the identity as `var identity = {...};`.
    [GeneratedRegex(@"var identity = (?<json>\{[^\n]*\});")]
    private static partial Regex IdentityJson();
}
