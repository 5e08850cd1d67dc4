namespace Kayako.Harness.Signing;

/// <summary>
/// The base of every exception the harness throws on purpose: a failure the user can act on, with a message that
/// says what happened and how to fix it, and never contains the messenger token. <see cref="Category"/> says which
/// kind of failure it is: catch <see cref="HarnessException"/> to handle them all (the <c>kayako-harness</c>
/// command turns the category into its exit code), or a derived type for one. Any other exception is a bug.
/// </summary>
public abstract class HarnessException : Exception
{
    /// <summary>Creates the exception without a message; derived types offer it for serializers and tools only.</summary>
    /// <param name="category">What kind of failure it is.</param>
    protected HarnessException(HarnessErrorCategory category)
    {
        Category = category;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="category">What kind of failure it is.</param>
    /// <param name="message">What happened and how to fix it; never the token.</param>
    protected HarnessException(HarnessErrorCategory category, string message)
        : base(message)
    {
        Category = category;
    }

    /// <summary>Creates the exception around the error that revealed the failure.</summary>
    /// <param name="category">What kind of failure it is.</param>
    /// <param name="message">What happened and how to fix it; never the token.</param>
    /// <param name="innerException">The underlying error.</param>
    protected HarnessException(HarnessErrorCategory category, string message, Exception? innerException)
        : base(message, innerException)
    {
        Category = category;
    }

    /// <summary>What kind of failure this is: bad input, a missing program, or a finding about what was checked.</summary>
    public HarnessErrorCategory Category { get; }
}
