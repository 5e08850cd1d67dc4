using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>
/// The HTML report read back as a browser reads it: whatever a checked page (or a configuration) put in a string
/// stays that string, shown as text, and creates no element, attribute, comment or link.
/// </summary>
public sealed class HtmlReportWriterTests
{
    // What a hostile page can put in a page error, a URL, a title or a call argument: markup, attribute break-outs,
    // script URLs, the ends of every context a report could have put text in (style, comment, title, textarea, CDATA),
    // line and paragraph separators, control characters, text that is escaped already, template syntax.
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "</style><script>alert(1)</script>",
        "--><script>alert(1)</script><!--",
        "</title></textarea></details></table><iframe src=javascript:alert(1)></iframe>",
        "<a href=\"javascript:alert(1)\">click me</a>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;b&gt;escaped already&lt;/b&gt; &amp; &#60;",
        "line\u2028separator\u2029paragraph\r\nnew\tline\u0001\u001b[31m",
        "\u202Eright to left, Siobhán, 日本語, 😀",
        "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
    ];

    // Every string of a report that a page or the configuration decides.
    private static readonly string[] Fields =
    [
        "run note", "site name", "site note", "finding message", "cause", "repeated finding", "selector", "fill selector",
        "json path", "step error", "kind", "call", "page url", "page error stack", "trace path",
    ];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task Strings_from_a_page_create_no_element_attribute_or_comment()
    {
        var site = new Uri("https://shop.example/account?q=%22%3E%3Cimg%20src=x%3E");

        var hostile = await ParseAsync(Report(Hostile, site));
        var plain = await ParseAsync(Report(field => field, site));

        // The same report with harmless strings: any element, attribute (name or value) or comment the hostile one
        // has beyond it, the hostile strings made.
        Shape(hostile).ShouldBe(Shape(plain));
        hostile.QuerySelectorAll("script, iframe, svg, img[onerror]").ShouldBeEmpty();
        hostile.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task Strings_from_a_page_read_back_as_they_were()
    {
        var document = await ParseAsync(Report(Hostile, new Uri("https://shop.example/")));

        var text = document.Body!.TextContent;
        foreach (var field in Fields)
        {
            text.ShouldContain(Hostile(field), customMessage: field);
        }

        document.QuerySelector("h2")!.TextContent.ShouldBe(Hostile("site name") + " failed");
        document.QuerySelector("table a")!.TextContent.ShouldBe(Hostile("site name"));
        document.QuerySelectorAll("p.note").Select(p => p.TextContent).ShouldBe([Hostile("run note"), Hostile("site note")]);
        document.QuerySelectorAll("td.mono").Select(td => td.TextContent).ShouldContain(Hostile("page error stack"));
        document.QuerySelector("p > code")!.TextContent.ShouldBe(Hostile("trace path"));
        document.Head!.QuerySelector("style")!.TextContent.ShouldNotContain("alert");
    }

    [TestCase("javascript:alert(document.cookie)")]
    [TestCase("JavaScript:alert(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("ftp://files.example/page.html")]
    public async Task A_site_url_that_is_not_http_https_or_file_is_text_not_a_link(string url)
    {
        var uri = new Uri(url);

        var document = await ParseAsync(Report(field => field, uri));

        Links(document).ShouldAllBe(href => href.StartsWith('#'));
        document.QuerySelector("p.mono")!.TextContent.ShouldStartWith(uri.AbsoluteUri);
    }

    [TestCase("https://shop.example/account?a=1&b=2")]
    [TestCase("http://localhost:8080/")]
    [TestCase("file:///srv/pages/shop.html")]
    public async Task A_site_url_that_is_http_https_or_file_is_a_link_to_it(string url)
    {
        var uri = new Uri(url);

        var document = await ParseAsync(Report(field => field, uri));

        Links(document).Where(href => !href.StartsWith('#')).ShouldBe([uri.AbsoluteUri, uri.AbsoluteUri]);
    }

    [Test]
    public async Task Every_link_inside_the_report_leads_to_a_section_of_it()
    {
        var report = SampleReport.Create();

        var document = await ParseAsync(report);

        var local = Links(document).Where(href => href.StartsWith('#')).ToList();
        local.Count.ShouldBe(report.Sites.Count);
        local.Select(href => document.GetElementById(href.Substring(1))).ShouldAllBe(target => target != null);
    }

    [Test]
    public async Task The_report_is_utf8_without_a_byte_order_mark_and_leaves_the_stream_open()
    {
        using var stream = new MemoryStream();

        await HtmlReportWriter.WriteAsync(SampleReport.Create(), stream);

        stream.CanWrite.ShouldBeTrue();
        stream.ToArray()[..15].ShouldBe("<!doctype html>"u8.ToArray());
    }

    private static string Hostile(string field) => $"{field}: {string.Join(" | ", Payloads)}";

    private static CheckReport Report(Func<string, string> text, Uri url)
    {
        var click = new ClickStep(0, text("json path"), false, text("selector"));
        var fill = new FillStep(1, "$.sites[0].steps[1]", false, text("fill selector"), "ann@example.com");
        var site = new SiteResult(text("site name"), url,
            [
                new Finding(RuleIds.ScriptError, Severity.Error, text("finding message"), text("cause"), 0),
                new Finding(RuleIds.ScriptError, Severity.Error, text("repeated finding")) { Count = 3, OccurrenceSteps = [null, 1] },
            ],
            [
                new StepResult(click, StepOutcome.Failed, text("step error"), 0, 1, null, Png),
                new StepResult(fill, StepOutcome.Passed, null, 1, 2),
            ],
            [
                new TimelineEntry(0, 0, text("kind"), text("call"), text("page url")),
                new TimelineEntry(1, 12.5, "PageError", text("page error stack"), text("page url"), Step: 1),
            ],
            text("trace path"),
            [text("site note")],
            TimeSpan.FromSeconds(1));
        return new CheckReport([site], true, [text("run note")], TimeSpan.FromSeconds(2));
    }

    private static async Task<IHtmlDocument> ParseAsync(CheckReport report) =>
        await new HtmlParser().ParseDocumentAsync(await SampleReport.RenderHtmlAsync(report));

    // Every element and comment in document order, with every attribute's name and value.
    private static List<string> Shape(IDocument document) =>
    [
        .. document.Descendants().Select(node => node switch
        {
            IElement element => $"<{element.LocalName} {string.Join(" ", element.Attributes.Select(a => $"{a.Name}=\"{a.Value}\""))}>",
            IComment comment => $"<!--{comment.Data}-->",
            _ => null,
        }).OfType<string>(),
    ];

    private static IEnumerable<string> Links(IDocument document) =>
        document.QuerySelectorAll("[href], [src]:not(img[src^='data:image/png;base64,'])").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
}
