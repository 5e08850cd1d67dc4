using System.Text.RegularExpressions;

namespace Kayako.Harness.Signing;

/// <summary>
/// Tells a variable name (<c>KAYAKO_MESSENGER_TOKEN</c>) from a token put where the name belongs
/// (<c>messenger.tokenEnv</c>, <c>--token-env</c>, <c>--token-file</c>). Such a value is never printed: messages say
/// it looks like a token instead. Errs towards "token": a real name misjudged is only not echoed back.
/// </summary>
public static partial class TokenLikeName
{
    /// <summary>Whether <paramref name="name"/> must not be printed because it may be the token itself.</summary>
    public static bool LooksLikeToken(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!VariableName().IsMatch(name))
        {
            // Not even a variable name: a base64 or UUID token has characters no name has.
            return true;
        }

        // Names are words joined by underscores; tokens are long runs of letters and digits.
        var digits = name.Count(char.IsAsciiDigit);
        return (name.Length >= 16 && !name.Contains('_', StringComparison.Ordinal)) || (name.Length >= 12 && digits * 4 >= name.Length);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariableName();
}
