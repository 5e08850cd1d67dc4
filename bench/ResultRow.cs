namespace Kayako.Harness.Bench;

/// <summary>One line of the results table: what was measured, the figure, and how it compares with its bar.</summary>
/// <param name="Section">The benchmark the row belongs to.</param>
/// <param name="What">The measured case.</param>
/// <param name="Figure">Median (min–max).</param>
/// <param name="Comparison">A ratio against the peer or the bar, and whether the bar is met.</param>
internal sealed record ResultRow(string Section, string What, string Figure, string Comparison);
