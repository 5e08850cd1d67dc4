namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// A reference signer's interpreter (<c>php</c> or <c>node</c>) could not be started: it is not installed or not
/// on PATH. The message says how to install it.
/// </summary>
public sealed class ReferenceSignerNotFoundException : HarnessException
{
    /// <summary>Creates the exception with a message that names the interpreter and how to install it.</summary>
    /// <param name="message">What is missing and the install command.</param>
    public ReferenceSignerNotFoundException(string message)
        : base(HarnessErrorCategory.Environment, message)
    {
    }

    /// <summary>Creates the exception without a message; prefer the constructor that says what is missing.</summary>
    public ReferenceSignerNotFoundException()
        : base(HarnessErrorCategory.Environment)
    {
    }

    /// <summary>Creates the exception around the operating system's error.</summary>
    /// <param name="message">What is missing and the install command.</param>
    /// <param name="innerException">The error from starting the process.</param>
    public ReferenceSignerNotFoundException(string message, Exception innerException)
        : base(HarnessErrorCategory.Environment, message, innerException)
    {
    }
}
