namespace Kayako.Harness.Bench;

/// <summary>One line of the results table: what was measured, the figure, and how it compares with its bar.</summary>
/// <param name="Section">The benchmark the row belongs to.</param>
/// <param name="What">The measured case.</param>
/// <param name="Figure">Median (min–max).</param>
/// <param name="Comparison">A ratio against the peer or the bar, and whether the bar is met.</param>
/// <param name="Target">Set when the row measures one of issue 13's targets: it then also goes in the summary table.</param>
internal sealed record ResultRow(string Section, string What, string Figure, string Comparison, Target? Target = null);

/// <summary>One of issue 13's targets, as measured: the summary table at the top of <c>bench/RESULTS.md</c>.</summary>
/// <param name="Order">Where the row goes in the summary (the order), whichever part measured it first.</param>
/// <param name="What">The target's case.</param>
/// <param name="Figure">Median (min–max) over the rounds.</param>
/// <param name="Bar">The target, such as <c>≤ 1.05</c>.</param>
/// <param name="Met">Whether the median meets it.</param>
internal sealed record Target(int Order, string What, string Figure, string Bar, bool Met);
