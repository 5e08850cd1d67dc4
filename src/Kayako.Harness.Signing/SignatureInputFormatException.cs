namespace Kayako.Harness.Signing;

/// <summary>
/// A JSON signature input (<c>{"name","email","token","timestamp"}</c>) is malformed: not JSON, a field is
/// missing, duplicated or unknown, or a value has the wrong type. The message names the field and the fix;
/// it never contains the token's value.
/// </summary>
public sealed class SignatureInputFormatException : HarnessException
{
    /// <summary>Creates the exception with a message that names the field and the fix.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SignatureInputFormatException(string message)
        : base(HarnessErrorCategory.BadInput, message)
    {
    }

    /// <summary>Creates the exception without a message; prefer the constructor that says what is wrong.</summary>
    public SignatureInputFormatException()
        : base(HarnessErrorCategory.BadInput)
    {
    }

    /// <summary>Creates the exception around the error that revealed the problem.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The parser's own error.</param>
    public SignatureInputFormatException(string message, Exception innerException)
        : base(HarnessErrorCategory.BadInput, message, innerException)
    {
    }
}
