using Kayako.Harness.Signing;

namespace Kayako.Harness.Configuration;

/// <summary>
/// A configuration is not usable. <see cref="Problems"/> lists every problem found, each with its JSON path,
/// so a user fixes them all in one go; nothing has been started when this is thrown.
/// </summary>
public sealed class ConfigurationException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">Where the configuration came from (a file path, or a description).</param>
    /// <param name="problems">Every problem found; at least one.</param>
    public ConfigurationException(string source, IReadOnlyList<ConfigurationProblem> problems)
        : base(HarnessErrorCategory.BadInput, Describe(source, problems))
    {
        ConfigurationSource = source;
        Problems = problems;
    }

    /// <summary>Where the configuration came from.</summary>
    public string ConfigurationSource { get; }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Describe(string source, IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"{source} has {problems.Count} {noun}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
