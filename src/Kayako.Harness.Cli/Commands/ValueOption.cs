using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>Marks an option whose refused value is a usage error in its own words, which already say how to fix it.</summary>
internal interface IValueOption;

/// <summary>
/// A typed option whose value the verb parses by its own rule, so a value that does not fit is a usage error
/// (exit 2) that names the option, shows the value, and says how to fix it: <c>--timestamp "1.5" is not an
/// integer; give Unix seconds as plain digits, e.g. --timestamp 1700000000.</c> A value that may be a token (the
/// wrong option, a paste in the wrong place) is never shown.
/// </summary>
/// <typeparam name="T">The option's type.</typeparam>
internal sealed partial class ValueOption<T> : Option<T>, IValueOption
{
    /// <summary>Reads <paramref name="text"/> as the option's value; false when it does not fit.</summary>
    public delegate bool Parser(string text, out T value);

    /// <param name="name">The option, e.g. <c>--workers</c>.</param>
    /// <param name="helpName">Its value in the help, e.g. <c>N</c>.</param>
    /// <param name="description">The help line.</param>
    /// <param name="parse">The rule.</param>
    /// <param name="what">What a value must be, after "is not": <c>an integer</c>.</param>
    /// <param name="fix">How to give one, a clause: <c>give Unix seconds as plain digits, e.g. --timestamp 1700000000</c>.</param>
    public ValueOption(string name, string helpName, string description, Parser parse, string what, string fix)
        : base(name)
    {
        HelpName = helpName;
        Description = description;
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (text.Length > 0 && parse(text, out var value))
            {
                return value;
            }

            result.AddError(Problem(name, text, what, fix));
            return default;
        };
    }

    /// <summary>The message for a refused <paramref name="text"/>: shown when it cannot be a token.</summary>
    internal static string Problem(string name, string text, string what, string fix) =>
        text.Length == 0 ? $"{name} is empty; {fix}."
        : Shown(text) ? $"{name} \"{text}\" is not {what}; {fix}."
        : $"{name} is not {what} (the value is not shown: it looks like a token); {fix}.";

    // A short run of digits and the signs numbers are written with ("1.5", "-3", "1e21", a shard "0/4") is not a token; a word is
    // not either (TokenLikeName decides), but a long run of letters and digits may be.
    private static bool Shown(string text) => NumberLike().IsMatch(text) || !TokenLikeName.LooksLikeToken(text);

    [GeneratedRegex("^[+-]?[0-9][0-9.,_eE+/-]{0,23}$")]
    private static partial Regex NumberLike();
}
