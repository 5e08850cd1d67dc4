using System.Text.RegularExpressions;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>script-error</c>: an uncaught error in the page, with a hint that fits the error: the escaping hint only
/// for a SyntaxError in an inline script, what a missing messenger method or a missing <c>window.kayako</c>
/// means, and plain advice otherwise. The TypeError of a call before ready is already reported as
/// <c>called-before-ready</c> and is not repeated here.
/// </summary>
internal sealed partial class ScriptErrorRule : ISiteRule
{
    private const string Consequence = "The script or callback it was thrown in stopped there, which can include the messenger snippet or identify.";

    public string Id => RuleIds.ScriptError;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        // A page error and the entry that explains it compare by the error's first line.
        var beforeReady = context.Entries.OfType<CallBeforeReady>().Select(e => PageError.FirstLineOf(e.Error)).ToHashSet(StringComparer.Ordinal);
        var inlineSyntaxErrors = context.Entries.OfType<ErrorLocation>().Where(e => e.Inline).Select(e => PageError.FirstLineOf(e.Message))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var error in context.Entries.OfType<PageError>())
        {
            var first = error.FirstLine;
            if (beforeReady.Contains(first))
            {
                continue;
            }

            yield return new Finding(Id, Severity.Error,
                $"Uncaught error on {error.PageUrl}: {error.Summary}. {Hint(first, inlineSyntaxErrors)}");
        }
    }

    private static string Hint(string error, HashSet<string> inlineSyntaxErrors)
    {
        if (error.StartsWith("SyntaxError:", StringComparison.Ordinal))
        {
            return inlineSyntaxErrors.Contains(error)
                ? "An inline script of the page did not parse, so none of it ran. A common cause is a value printed into it " +
                  "without escaping (a name like O'Brien); print it with json_encode($name) in PHP or JSON.stringify(name) in Node."
                : $"A script did not parse, so none of it ran. {Consequence}";
        }

        if (KayakoNotDefined().IsMatch(error))
        {
            return "The page used kayako before its embed snippet created window.kayako: the snippet had not run yet. " +
                   "Put the snippet above every script that uses it, or test for it without touching the bare name " +
                   "(window.kayako, not kayako).";
        }

        if (ReadOfMissingKayako().Match(error) is { Success: true } read && MessengerSurface.HasMethod(read.Groups["member"].Value))
        {
            return $"If the undefined value was window.kayako, the page read kayako.{read.Groups["member"].Value} before the embed snippet " +
                   "created it: put the snippet above the code that uses it, and call the messenger inside kayako.ready.";
        }

        if (NotAFunction().Match(error) is { Success: true } call && call.Groups["receiver"].Value.Contains("kayako", StringComparison.Ordinal))
        {
            var member = call.Groups["member"].Value;
            return MessengerSurface.HasMethod(member)
                ? $"kayako.{member} is a messenger method, but this window.kayako did not have it: the page replaced or copied the " +
                  "snippet's object. Keep the one window.kayako the snippet made."
                : $"kayako.{member} is not a messenger method: the messenger has {string.Join(", ", MessengerSurface.DocumentedMethods)} " +
                  $"(documented) and {string.Join(", ", MessengerSurface.UndocumentedMethods)} (undocumented). {Consequence}";
        }

        return $"{Consequence} Fix the error at the place its stack names.";
    }


    [GeneratedRegex(@"^ReferenceError: kayako is not defined", RegexOptions.None, 1000)]
    private static partial Regex KayakoNotDefined();

    [GeneratedRegex(@"^TypeError: Cannot read properties of (undefined|null) \(reading '(?<member>[\w$]+)'\)", RegexOptions.None, 1000)]
    private static partial Regex ReadOfMissingKayako();

    [GeneratedRegex(@"^TypeError: (?<receiver>[\w$.\]\[)'""]+)\.(?<member>[\w$]+) is not a function", RegexOptions.None, 1000)]
    private static partial Regex NotAFunction();
}
