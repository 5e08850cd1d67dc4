using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// The user gave the command something it cannot use: a missing option, an unreadable file, an unset token
/// variable. <see cref="HarnessCommandLine"/> prints the message after the verb and exits with <see cref="ExitCode.Usage"/>.
/// </summary>
internal sealed class BadInputException : HarnessException
{
    public BadInputException(string message)
        : base(HarnessErrorCategory.BadInput, message)
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(HarnessErrorCategory.BadInput, message, innerException)
    {
    }

    /// <summary>Several problems found together: the only one as is, or each on a line of its own under a count.</summary>
    public BadInputException(IReadOnlyList<string> problems)
        : base(HarnessErrorCategory.BadInput, Describe(problems))
    {
    }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return problems.Count == 1
            ? problems[0]
            : $"{problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
