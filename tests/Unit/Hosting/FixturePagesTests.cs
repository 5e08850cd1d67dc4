using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.Tests.Hosting;

public sealed class FixturePagesTests
{
    private static readonly string Pages = RepositoryFixtures.PathOf("pages");

    [Test]
    public async Task A_dynamic_page_is_rendered_from_its_file_on_every_request()
    {
        // Arrange
        var renders = 0;
        var pages = FixturePages.FromFolder(Pages)
            .WithDynamicPage("/toggle.html", template => template!.Replace("Chat with us", $"Chat with us ({++renders})", StringComparison.Ordinal));
        await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = pages });

        // Act
        var first = await FixtureServer.GetAsync(host, "toggle.html");
        var second = await FixtureServer.GetAsync(host, "toggle.html");

        // Assert
        first.Status.ShouldBe(200);
        first.ContentType.ShouldBe("text/html");
        first.Body.ShouldContain("Chat with us (1)");
        second.Body.ShouldContain("Chat with us (2)");
        first.Body.ShouldContain("kayako.ready(function ()", Case.Sensitive, "the rest of the file is served as it is");
    }

    [Test]
    public async Task A_dynamic_page_with_no_file_behind_it_renders_from_nothing()
    {
        // Arrange
        string? seen = "not called";
        var pages = FixturePages.Bundled.WithDynamicPage("api/now.json", template =>
        {
            seen = template;
            return """{"now":1700000000}""";
        });
        await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = pages });

        // Act
        var response = await FixtureServer.GetAsync(host, "api/now.json");

        // Assert
        seen.ShouldBeNull();
        response.Status.ShouldBe(200);
        response.ContentType.ShouldBe("application/json");
        response.Body.ShouldBe("""{"now":1700000000}""");
    }

    [Test]
    public async Task A_dynamic_page_at_the_root_answers_the_root()
    {
        // Arrange
        var pages = FixturePages.FromFolder(Pages).WithDynamicPage("", _ => "<p>rendered index</p>");
        await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = pages });

        // Act
        var response = await FixtureServer.GetAsync(host, "");

        // Assert
        response.Body.ShouldBe("<p>rendered index</p>");
    }

    [TestCase("../secret.html")]
    [TestCase("pages\\toggle.html")]
    public void A_dynamic_page_path_that_leaves_the_root_is_refused_and_named(string path)
    {
        // Act
        var error = Should.Throw<ArgumentException>(() => FixturePages.Bundled.WithDynamicPage(path, _ => ""));

        // Assert
        error.Message.ShouldContain($"'{path}'");
    }

    [Test]
    public void Adding_a_dynamic_page_leaves_the_original_pages_as_they_were()
    {
        // Arrange
        var original = FixturePages.FromFolder(Pages);

        // Act
        _ = original.WithDynamicPage("toggle.html", _ => "changed");

        // Assert
        original.TryGetDynamicPage("toggle.html", out _).ShouldBeFalse();
    }

    [Test]
    public void Resources_under_an_unknown_prefix_are_refused_with_the_prefix_and_the_fix()
    {
        // Act
        var error = Should.Throw<ArgumentException>(() => FixturePages.FromResources(typeof(FixtureHost).Assembly, "No.Such.Prefix.", "test pages"));

        // Assert
        error.Message.ShouldContain("'No.Such.Prefix.'");
        error.Message.ShouldContain("LogicalName=\"No.Such.Prefix.%(RecursiveDir)%(Filename)%(Extension)\"");
    }

    [Test]
    public async Task An_embedded_folder_is_served_with_its_index_and_a_404_that_names_what_is_missing()
    {
        // Arrange
        var pages = FixturePages.FromResources(typeof(FixtureHost).Assembly, "Kayako.Harness.Hosting.Pages.", "the bundled pages");
        await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = pages });

        // Act
        var index = await FixtureServer.GetAsync(host, "");
        var missing = await FixtureServer.GetAsync(host, "missing.html");

        // Assert
        index.Status.ShouldBe(200);
        index.Body.ShouldBe(await File.ReadAllTextAsync(Path.Combine(Pages, "index.html")));
        missing.Status.ShouldBe(404);
        missing.Body.ShouldBe("No page 'missing.html' in the bundled pages.");
    }

    [TestCase("../Kayako.Harness.Tests.csproj")]
    [TestCase("..%2Fkayako-embed.js")]
    public void Nothing_outside_a_folder_is_opened(string page)
    {
        // Arrange
        var pages = FixturePages.FromFolder(Path.Combine(Pages, "..", "sites"));

        // Act
        using var stream = pages.Open(page);

        // Assert
        stream.ShouldBeNull();
    }
}
