namespace Kayako.Harness.Messenger;

/// <summary>How the fake Kayako API judged an <c>identify</c> request.</summary>
public enum IdentityVerification
{
    /// <summary>The signature verified against the configured token.</summary>
    Valid,

    /// <summary>A token is configured and the signature did not verify; the user was not identified.</summary>
    Invalid,

    /// <summary>The signature was empty: identified by name and email only, without past conversations.</summary>
    Anonymous,

    /// <summary>A signature was given but no token is configured, so it could not be checked.</summary>
    Unverified,

    /// <summary>The arguments were not four values of the documented types; the user was not identified.</summary>
    Rejected,
}
