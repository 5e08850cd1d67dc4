namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// A signature vectors file is malformed: not JSON, a duplicate id, or an entry with a missing or wrongly typed
/// field. The message names the file and every bad entry by index and id.
/// </summary>
public sealed class SignatureVectorFileException : HarnessException
{
    /// <summary>Creates the exception with a message that names the file, the entries and the fixes.</summary>
    /// <param name="message">Every problem found, one per line.</param>
    public SignatureVectorFileException(string message)
        : base(HarnessErrorCategory.BadInput, message)
    {
    }

    /// <summary>Creates the exception without a message; prefer the constructor that says what is wrong.</summary>
    public SignatureVectorFileException()
        : base(HarnessErrorCategory.BadInput)
    {
    }

    /// <summary>Creates the exception around the error that revealed the problem.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The parser's own error.</param>
    public SignatureVectorFileException(string message, Exception innerException)
        : base(HarnessErrorCategory.BadInput, message, innerException)
    {
    }
}
