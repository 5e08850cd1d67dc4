using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;

namespace Kayako.Harness.Checking.Reports.Html;

/// <summary>
/// The shapes the report's components are built of. Text and attribute values go into the render tree as values,
/// which <see cref="Microsoft.AspNetCore.Components.Web.HtmlRenderer"/> HTML-encodes when it writes them: a string a
/// page made up can become text, never an element or an attribute. Element, class and attribute names are the
/// components' own literals; the only markup written as such is a line end.
/// </summary>
/// <remarks>
/// Each frame's sequence number is the source line that built it, as the Razor compiler numbers frames by source
/// position: the same place in a loop gets the same number. The report is rendered once and never diffed, so the
/// numbers need only be stable, not distinct. That is what ASP0006 asks for (a literal per place in the source); it
/// cannot see that a caller's line number is one.
/// </remarks>
[SuppressMessage("Usage", "ASP0006:Do not use non-literal sequence numbers", Justification = "Each sequence number is the calling line, a literal per call site.")]
internal static class HtmlTree
{
    /// <summary>The URL schemes a link may have; any other URL (<c>javascript:</c>, <c>data:</c>) is shown as text.</summary>
    private static readonly string[] LinkSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeFile];

    /// <summary>Opens <paramref name="element"/>; its attributes come next, then its content, then <see cref="Close"/>.</summary>
    public static void Open(this RenderTreeBuilder builder, string element, string? cssClass = null, [CallerLineNumber] int line = 0)
    {
        builder.OpenElement(line, element);
        if (cssClass is not null)
        {
            builder.AddAttribute(line, "class", cssClass);
        }
    }

    /// <summary>Closes the innermost open element; <paramref name="newLine"/> ends the line after it, so the file reads one row or block a line.</summary>
    public static void Close(this RenderTreeBuilder builder, bool newLine = false, [CallerLineNumber] int line = 0)
    {
        builder.CloseElement();
        if (newLine)
        {
            // The one piece of markup: a line break in the file, which as text would be encoded to "&#xA;".
            builder.AddMarkupContent(line, "\n");
        }
    }

    /// <summary>An attribute of the element just opened, its value encoded.</summary>
    public static void Attribute(this RenderTreeBuilder builder, string name, string value, [CallerLineNumber] int line = 0) =>
        builder.AddAttribute(line, name, value);

    /// <summary>A boolean attribute (<c>open</c>): written bare when <see langword="true"/>, left out when <see langword="false"/>.</summary>
    public static void Attribute(this RenderTreeBuilder builder, string name, bool value, [CallerLineNumber] int line = 0) =>
        builder.AddAttribute(line, name, value);

    /// <summary>Text, encoded.</summary>
    public static void Text(this RenderTreeBuilder builder, string? text, [CallerLineNumber] int line = 0) =>
        builder.AddContent(line, text);

    /// <summary>A number as text, formatted the same in every culture.</summary>
    public static void Text(this RenderTreeBuilder builder, IFormattable number, string? format = null, [CallerLineNumber] int line = 0) =>
        builder.AddContent(line, number.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>An element holding only <paramref name="text"/>.</summary>
    public static void Element(this RenderTreeBuilder builder, string element, string? text, string? cssClass = null, bool newLine = false, [CallerLineNumber] int line = 0)
    {
        builder.Open(element, cssClass, line);
        builder.Text(text, line);
        builder.Close(newLine, line);
    }

    /// <summary>A table cell holding only <paramref name="text"/>.</summary>
    public static void Cell(this RenderTreeBuilder builder, string? text, string? cssClass = null, [CallerLineNumber] int line = 0) =>
        builder.Element("td", text, cssClass, line: line);

    /// <summary>A table cell holding only a number, formatted the same in every culture.</summary>
    public static void Cell(this RenderTreeBuilder builder, IFormattable number, string? format = null, [CallerLineNumber] int line = 0)
    {
        builder.Open("td", line: line);
        builder.Text(number, format, line);
        builder.Close(line: line);
    }

    /// <summary>Opens a table and writes its header row.</summary>
    public static void OpenTable(this RenderTreeBuilder builder, IReadOnlyList<string> headers, [CallerLineNumber] int line = 0)
    {
        builder.Open("table", line: line);
        builder.Open("tr", line: line);
        foreach (var header in headers)
        {
            builder.Element("th", header, line: line);
        }

        builder.Close(newLine: true, line);
    }

    /// <summary>A line break inside a cell.</summary>
    public static void Break(this RenderTreeBuilder builder, [CallerLineNumber] int line = 0)
    {
        builder.OpenElement(line, "br");
        builder.CloseElement();
    }

    /// <summary>A link to an element of this file (<c>#site-3</c>).</summary>
    public static void LocalLink(this RenderTreeBuilder builder, string id, string text, [CallerLineNumber] int line = 0)
    {
        builder.Open("a", line: line);
        builder.Attribute("href", "#" + id, line);
        builder.Text(text, line);
        builder.Close(line: line);
    }

    /// <summary>
    /// <paramref name="url"/> as a link when it is http, https or file, as text otherwise: a site's URL comes from a
    /// configuration or a page, and a <c>javascript:</c> one must not run when someone clicks it in the report.
    /// </summary>
    public static void UrlLink(this RenderTreeBuilder builder, Uri url, [CallerLineNumber] int line = 0)
    {
        if (IsLinkable(url))
        {
            builder.Open("a", line: line);
            builder.Attribute("href", url.AbsoluteUri, line);
            builder.Text(url.AbsoluteUri, line);
            builder.Close(line: line);
        }
        else
        {
            builder.Text(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString, line);
        }
    }

    /// <summary>Whether <paramref name="url"/> may be the target of a link: absolute, and http, https or file.</summary>
    private static bool IsLinkable(Uri url) =>
        url.IsAbsoluteUri && LinkSchemes.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>Notes of the run or of a site, a paragraph each.</summary>
    public static void Notes(this RenderTreeBuilder builder, IReadOnlyList<string> notes, [CallerLineNumber] int line = 0)
    {
        foreach (var note in notes)
        {
            builder.Element("p", note, "note", newLine: true, line);
        }
    }

    /// <summary>Whether a site passed, coloured; a site whose runs disagreed is flaky, with how many runs failed.</summary>
    public static void Verdict(this RenderTreeBuilder builder, SiteResult site, [CallerLineNumber] int line = 0)
    {
        if (site.Repeat is { Flaky: true } repeat)
        {
            builder.Element("span", repeat.Describe(), site.Passed ? "warning" : "error", line: line);
        }
        else if (site.Passed)
        {
            builder.Element("span", "passed", "pass", line: line);
        }
        else
        {
            builder.Element("span", "failed", "error", line: line);
        }
    }
}
