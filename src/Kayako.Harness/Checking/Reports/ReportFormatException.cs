using Kayako.Harness.Signing;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// A file given as a JSON report of <c>check</c> is not one: not JSON, or a key unknown, missing or of the wrong kind.
/// The message names the file and lists every problem with its JSON path (<c>$.sites[2].findings[0].severity</c>).
/// </summary>
public sealed class ReportFormatException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file, as the user named it.</param>
    /// <param name="problems">Each problem: a JSON path, a colon, what is wrong there.</param>
    public ReportFormatException(string source, IReadOnlyList<string> problems)
        : base(HarnessErrorCategory.BadInput, Describe(source, problems))
    {
        ReportSource = source;
        Problems = problems;
    }

    /// <summary>The file, as the user named it.</summary>
    public string ReportSource { get; }

    /// <summary>Each problem: a JSON path, a colon, what is wrong there.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string source, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return $"{source} is not a JSON report of kayako-harness check (write one with check --json FILE); " +
               $"{problems.Count} {(problems.Count == 1 ? "problem" : "problems")}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
