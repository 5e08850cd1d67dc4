namespace Kayako.Harness.Signing;

/// <summary>
/// What kind of failure a <see cref="HarnessException"/> is, which says what the user does about it (and which exit
/// code the <c>kayako-harness</c> command gives it).
/// </summary>
public enum HarnessErrorCategory
{
    /// <summary>
    /// The input cannot be used: an option, a file, a configuration or a value given in code. The message names the
    /// value (never a token), where it came from, and how to fix it. The command exits 2.
    /// </summary>
    BadInput,

    /// <summary>
    /// The machine lacks something the input does not control: a browser, PHP or Node. The message says how to
    /// install it. The command exits 3.
    /// </summary>
    Environment,

    /// <summary>
    /// What was checked is wrong: the page never loaded the messenger, a reference signer could not sign an input.
    /// The message says what was seen. The command exits 1, as for any other finding.
    /// </summary>
    Finding,
}
