namespace Kayako.Harness.Signing;

/// <summary>
/// The messenger token is empty. An empty key signs anything, so it is always a configuration mistake:
/// the token variable or file was not set up.
/// </summary>
public sealed class EmptyTokenException : HarnessException
{
    /// <summary>Creates the exception with a message that says how to supply the token.</summary>
    public EmptyTokenException()
        : base(HarnessErrorCategory.BadInput,
               "The messenger token is empty. It is the identity-verification secret from Kayako's messenger " +
               "settings; set it in the environment variable (KAYAKO_MESSENGER_TOKEN by default) or in a token file.")
    {
    }

    /// <summary>The name of the parameter that held the empty token: <c>token</c>.</summary>
    public string ParamName => "token";
}
