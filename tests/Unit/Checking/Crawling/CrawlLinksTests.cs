using Kayako.Harness.Checking.Crawling;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Crawling;

public sealed class CrawlLinksTests
{
    private static readonly Uri Page = new("https://Shop.Example.com:443/blog/post?id=3#comments");

    [TestCase("other", "https://shop.example.com/blog/other")]
    [TestCase("../about", "https://shop.example.com/about")]
    [TestCase("/a#x", "https://shop.example.com/a")]
    [TestCase("/a", "https://shop.example.com/a")]
    [TestCase("#top", "https://shop.example.com/blog/post?id=3")]
    [TestCase("", "https://shop.example.com/blog/post?id=3")]
    [TestCase("?page=2", "https://shop.example.com/blog/post?page=2")]
    [TestCase("//shop.example.com/x", "https://shop.example.com/x")]
    [TestCase("  /padded  ", "https://shop.example.com/padded")]
    [TestCase("HTTPS://SHOP.EXAMPLE.COM:443/Case", "https://shop.example.com/Case")]
    [TestCase("https://user:secret@shop.example.com/in", "https://shop.example.com/in")]
    [TestCase("http://shop.example.com:80", "http://shop.example.com/")]
    public void A_link_resolves_against_the_page_without_fragment_user_info_or_default_port(string href, string expected)
    {
        CrawlLinks.Resolve(Page, href)!.AbsoluteUri.ShouldBe(expected);
    }

    [TestCase("mailto:help@example.com")]
    [TestCase("tel:+15550100")]
    [TestCase("javascript:void(0)")]
    [TestCase("ftp://files.example.com/a")]
    [TestCase("data:text/html,hi")]
    public void A_link_that_is_not_http_leads_to_no_page(string href)
    {
        CrawlLinks.Resolve(Page, href).ShouldBeNull();
    }

    [Test]
    public void The_same_page_with_two_fragments_is_one_page()
    {
        CrawlLinks.Resolve(Page, "/a#one").ShouldBe(CrawlLinks.Resolve(Page, "/a#two"));
    }

    [TestCase("https://shop.example.com/x", true)]
    [TestCase("http://shop.example.com/x", false)]
    [TestCase("https://shop.example.com:8443/x", false)]
    [TestCase("https://www.shop.example.com/x", false)]
    public void Same_origin_is_scheme_host_and_port(string url, bool same)
    {
        CrawlLinks.SameOrigin(new Uri("https://shop.example.com/"), new Uri(url)).ShouldBe(same);
    }

    [TestCase("/logout", null)]
    [TestCase("/account/log-out", null)]
    [TestCase("/users/sign_out", null)]
    [TestCase("/signout?next=/", null)]
    [TestCase("/session/logoff.php", null)]
    [TestCase("/account", "Log out")]
    [TestCase("/account", "Sign Out")]
    [TestCase("/account", "  signout  ")]
    public void A_link_that_looks_like_a_logout_is_skipped_unless_asked(string path, string? text)
    {
        var link = new CrawlLink(path, null, text, Download: false);
        var url = new Uri(new Uri("https://shop.example.com/"), path);

        CrawlLinks.Skip(link, url, followLogout: false).ShouldBe(CrawlSkipReason.Logout);
        CrawlLinks.Skip(link, url, followLogout: true).ShouldBeNull();
    }

    [TestCase("/catalogoffers")]
    [TestCase("/blogout")]
    [TestCase("/design-outline")]
    [TestCase("/login")]
    [TestCase("/signup")]
    public void A_word_that_only_contains_logout_letters_is_followed(string path)
    {
        CrawlLinks.Skip(new CrawlLink(path, null, "Offers", Download: false), new Uri(new Uri("https://shop.example.com/"), path), followLogout: false).ShouldBeNull();
    }

    [TestCase("nofollow")]
    [TestCase("external NoFollow noopener")]
    [TestCase("noopener\tnofollow")]
    public void A_nofollow_link_is_skipped(string rel)
    {
        CrawlLinks.Skip(new CrawlLink("/a", rel, "A", Download: false), new Uri("https://shop.example.com/a"), followLogout: true).ShouldBe(CrawlSkipReason.NoFollow);
    }

    [TestCase("noopener")]
    [TestCase("nofollowers")]
    public void A_rel_without_the_nofollow_token_is_followed(string rel)
    {
        CrawlLinks.Skip(new CrawlLink("/a", rel, "A", Download: false), new Uri("https://shop.example.com/a"), followLogout: false).ShouldBeNull();
    }

    [TestCase("/files/guide.pdf")]
    [TestCase("/files/GUIDE.PDF")]
    [TestCase("/dl/app.zip")]
    [TestCase("/img/logo.png")]
    [TestCase("/img/photo.jpeg?size=2")]
    [TestCase("/export.csv")]
    public void A_link_to_a_file_is_a_download(string path)
    {
        var url = new Uri(new Uri("https://shop.example.com/"), path);
        CrawlLinks.Skip(new CrawlLink(path, null, "Get it", Download: false), url, followLogout: false).ShouldBe(CrawlSkipReason.Download);
    }

    [Test]
    public void A_link_with_a_download_attribute_is_a_download_whatever_its_path()
    {
        CrawlLinks.Skip(new CrawlLink("/report", null, "Report", Download: true), new Uri("https://shop.example.com/report"), followLogout: false)
            .ShouldBe(CrawlSkipReason.Download);
    }

    [TestCase("/page.html")]
    [TestCase("/page.php")]
    [TestCase("/docs/v1.2/")]
    [TestCase("/")]
    public void A_page_is_not_a_download(string path)
    {
        CrawlLinks.Skip(new CrawlLink(path, null, "Page", Download: false), new Uri(new Uri("https://shop.example.com/"), path), followLogout: false).ShouldBeNull();
    }

    [TestCase("https://shop.example.com/", "/")]
    [TestCase("https://shop.example.com/blog/a", "/blog/a")]
    [TestCase("https://shop.example.com/search?q=x", "/search?q=x")]
    public void A_page_is_named_by_its_path_and_query(string url, string name)
    {
        CrawlLinks.SiteName(new Uri(url)).ShouldBe(name);
    }
}
