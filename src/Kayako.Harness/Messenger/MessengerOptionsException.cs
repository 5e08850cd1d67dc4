using Kayako.Harness.Signing;

namespace Kayako.Harness.Messenger;

/// <summary><see cref="MessengerOptions"/> that cannot be used. The message lists every problem.</summary>
public sealed class MessengerOptionsException : HarnessException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Each problem, naming the option, its value and what is allowed.</param>
    public MessengerOptionsException(IReadOnlyList<string> problems)
        : base(HarnessErrorCategory.BadInput, "The messenger options are invalid:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Each problem found, naming the option, its value and what is allowed.</summary>
    public IReadOnlyList<string> Problems { get; }
}
