namespace Kayako.Harness.Signing;

/// <summary>
/// The messenger token is empty. An empty key signs anything, so it is always a configuration mistake:
/// the token variable or file was not set up.
/// </summary>
public sealed class EmptyTokenException : ArgumentException
{
    /// <summary>Creates the exception with a message that says how to supply the token.</summary>
    public EmptyTokenException()
        : base("The messenger token is empty. It is the identity-verification secret from Kayako's messenger " +
               "settings; set it in the environment variable (KAYAKO_MESSENGER_TOKEN by default) or in a token file.",
               "token")
    {
    }
}
