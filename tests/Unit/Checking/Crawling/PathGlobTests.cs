using Kayako.Harness.Checking.Crawling;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Crawling;

public sealed class PathGlobTests
{
    [TestCase("/blog/**", "/blog/a", true)]
    [TestCase("/blog/**", "/blog/2024/a", true)]
    [TestCase("/blog/**", "/blogs/a", false)]
    [TestCase("/blog/*", "/blog/2024/a", false)]
    [TestCase("/blog/*", "/blog/a", true)]
    [TestCase("/{docs,help}/**", "/help/x", true)]
    [TestCase("/{docs,help}/**", "/shop/x", false)]
    [TestCase("**/print", "/blog/a/print", true)]
    [TestCase("/a.html", "/aXhtml", false)]
    [TestCase("/caf\u00e9/*", "/caf%C3%A9/menu", true)]
    public void A_glob_matches_the_unescaped_path(string glob, string path, bool matches)
    {
        PathGlob.TryParse(glob, out var problem).ShouldNotBeNull(problem).Matches(new Uri(new Uri("https://shop.example.com/"), path)).ShouldBe(matches);
    }

    [Test]
    public void The_query_is_not_part_of_the_path()
    {
        PathGlob.TryParse("/search", out _)!.Matches(new Uri("https://shop.example.com/search?q=x")).ShouldBeTrue();
    }

    [TestCase("", "is empty")]
    [TestCase("blog/**", "is not a path glob")]
    [TestCase("https://shop.example.com/blog/**", "is a URL, not a path glob")]
    [TestCase("/{docs,help/**", "never closed")]
    [TestCase("/docs}/**", "with no { before it")]
    [TestCase("/{a,{b,c}}", "groups do not nest")]
    public void A_bad_glob_says_what_is_wrong_and_how_to_fix_it(string glob, string expected)
    {
        PathGlob.TryParse(glob, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(expected);
    }
}
