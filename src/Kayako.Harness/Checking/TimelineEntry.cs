namespace Kayako.Harness.Checking;

/// <summary>One line of a site's messenger timeline, ready to print: already rendered and free of the token.</summary>
/// <param name="Sequence">The call log sequence.</param>
/// <param name="AtMilliseconds">Milliseconds since the site's first entry.</param>
/// <param name="Kind">The call log kind (<c>Call</c>, <c>Event</c>, <c>Navigation</c>, ...).</param>
/// <param name="Text">What happened: <c>kayako.identify("Ann", …)</c>, <c>chat_window_maximized</c>, the URL navigated to.</param>
/// <param name="PageUrl">The page it happened on.</param>
/// <param name="Step">The index of the step it happened during, or <see langword="null"/> while the site was opening.</param>
public sealed record TimelineEntry(long Sequence, double AtMilliseconds, string Kind, string Text, string PageUrl, int? Step = null);
