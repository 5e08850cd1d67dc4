namespace Kayako.Harness.Checking.Crawling;

/// <summary>Where a crawl's discovery stands (<see cref="CrawlOptions.Progress"/>): reported as each page starts and ends being read.</summary>
/// <param name="PagesRead">Pages whose links were read (or that gave none: no load, an error status, another origin).</param>
/// <param name="PagesFound">Pages queued so far, the start page included; it grows as each level of links is read.</param>
/// <param name="Reading">The pages being read now, at most one per worker.</param>
public sealed record CrawlProgress(int PagesRead, int PagesFound, IReadOnlyList<Uri> Reading);
