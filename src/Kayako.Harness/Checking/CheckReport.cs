namespace Kayako.Harness.Checking;

/// <summary>The outcome of a check run: every site, in configuration order.</summary>
/// <param name="Sites">The sites' results.</param>
/// <param name="TokenChecked">
/// Whether the token was known: signatures were verified and token exposure was looked for. When
/// <see langword="false"/>, signatures were checked for form only; <see cref="Notes"/> says so.
/// </param>
/// <param name="Notes">Run-wide notes for every report (the token not being set, say).</param>
/// <param name="Duration">The wall time of the run, browser start included.</param>
public sealed record CheckReport(IReadOnlyList<SiteResult> Sites, bool TokenChecked, IReadOnlyList<string> Notes, TimeSpan Duration)
{
    /// <summary>Error findings over all sites.</summary>
    public int Errors => Sites.Sum(s => s.Errors);

    /// <summary>Warning findings over all sites.</summary>
    public int Warnings => Sites.Sum(s => s.Warnings);
}
