namespace Kayako.Harness.Configuration;

/// <summary>What an <c>expect</c> step's <c>identified</c> demands.</summary>
public enum ExpectedIdentity
{
    /// <summary><c>false</c>: nobody is identified (never, or <c>forget</c> was called since).</summary>
    NotIdentified,

    /// <summary>
    /// <c>true</c>: <c>identify</c> was called. An empty signature counts: Kayako's docs allow it for a user
    /// identified without their conversation history.
    /// </summary>
    Identified,

    /// <summary><c>"verified"</c>: <c>identify</c> was called with a signature that verifies against the token.</summary>
    Verified,
}
