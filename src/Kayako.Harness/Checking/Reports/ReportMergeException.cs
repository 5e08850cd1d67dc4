using Kayako.Harness.Signing;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// The reports given to <see cref="ReportMerger"/> are not the shards of one run: different configurations or
/// harness versions, a shard given twice or missing, a site in two reports, a report that is not a shard's. The
/// message lists every problem and names the files.
/// </summary>
public sealed class ReportMergeException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Each problem, naming the files it is about.</param>
    public ReportMergeException(IReadOnlyList<string> problems)
        : base(HarnessErrorCategory.BadInput, Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, naming the files it is about.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return problems.Count == 1
            ? problems[0]
            : $"{problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
