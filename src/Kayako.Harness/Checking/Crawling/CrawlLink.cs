namespace Kayako.Harness.Checking.Crawling;

/// <summary>One <c>&lt;a href&gt;</c> as the rendered page has it, read with locators (no page script).</summary>
/// <param name="Href">The <c>href</c> attribute as written (relative or absolute).</param>
/// <param name="Rel">The <c>rel</c> attribute, or <see langword="null"/>.</param>
/// <param name="Text">The link's text, or <see langword="null"/>.</param>
/// <param name="Download">Whether the link has a <c>download</c> attribute.</param>
internal sealed record CrawlLink(string Href, string? Rel, string? Text, bool Download);
