namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// A reference signer started but did not sign every input: it exited with an error or answered the wrong
/// number of lines. The message carries the interpreter's own error output.
/// </summary>
public sealed class ReferenceSignerFailedException : HarnessException
{
    /// <summary>Creates the exception with the signer's name, exit code and error output.</summary>
    /// <param name="message">What the signer did and said.</param>
    public ReferenceSignerFailedException(string message)
        : base(HarnessErrorCategory.Finding, message)
    {
    }

    /// <summary>Creates the exception without a message; prefer the constructor that says what happened.</summary>
    public ReferenceSignerFailedException()
        : base(HarnessErrorCategory.Finding)
    {
    }

    /// <summary>Creates the exception around the error that revealed the failure.</summary>
    /// <param name="message">What the signer did and said.</param>
    /// <param name="innerException">The underlying error.</param>
    public ReferenceSignerFailedException(string message, Exception innerException)
        : base(HarnessErrorCategory.Finding, message, innerException)
    {
    }
}
