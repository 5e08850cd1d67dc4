using Kayako.Harness.Checking.Crawling;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Crawling;

public sealed class CrawlOptionsTests
{
    [Test]
    public void The_defaults_can_be_used()
    {
        var options = new CrawlOptions();

        options.Problems().ShouldBeEmpty();
        options.MaxPages.ShouldBe(50);
        options.RequireMessenger.ShouldBeFalse();
        options.FollowLogout.ShouldBeFalse();
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(10_001)]
    public void Max_pages_out_of_range_names_the_value_and_the_range(int pages)
    {
        var problem = new CrawlOptions { MaxPages = pages }.Problems().ShouldHaveSingleItem();

        problem.Path.ShouldBe("--max-pages");
        problem.Message.ShouldBe($"is {pages}; give a whole number of pages from 1 to 10000 (default 50), like --max-pages 200.");
    }

    [Test]
    public void Every_bad_glob_is_named_with_its_option()
    {
        var problems = new CrawlOptions { Include = ["/ok/**", "blog"], Exclude = ["/{x"] }.Problems();

        problems.Select(p => p.ToString()).ShouldBe([
            "--include: \"blog\" is not a path glob: it is matched against the URL's path, which starts with /; give one such as /blog/** (or **/print to match anywhere).",
            "--exclude: \"/{x\" has a { that is never closed; write a group as {a,b}.",
        ]);
    }
}
