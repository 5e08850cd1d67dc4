using System.Text.RegularExpressions;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Crawling;

/// <summary>
/// An include or exclude glob on a URL's path, in the syntax of <c>messenger.scriptUrl</c> (<see cref="UrlGlob"/>):
/// <c>**</c> anything, <c>*</c> anything but <c>/</c>, <c>{a,b}</c> either. <c>/blog/**</c> matches every page under
/// <c>/blog/</c>; the query is not part of the path.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex regex;

    private PathGlob(string glob)
    {
        Glob = glob;
        regex = new Regex(UrlGlob.ToRegexSource(glob), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The glob as given.</summary>
    public string Glob { get; }

    /// <summary>Whether the path (<c>/blog/a</c>, unescaped) matches.</summary>
    public bool Matches(Uri url) => regex.IsMatch(Uri.UnescapeDataString(url.AbsolutePath));

    /// <summary>Reads a glob, or says what is wrong with it and how to fix it.</summary>
    /// <param name="glob">The glob as given.</param>
    /// <param name="problem">What is wrong, a clause after the glob; <see langword="null"/> when it is fine.</param>
    public static PathGlob? TryParse(string glob, out string? problem)
    {
        problem = glob switch
        {
            null or { Length: 0 } => "is empty; give a path glob such as /blog/**",
            _ when glob.Contains("://", StringComparison.Ordinal) => "is a URL, not a path glob; give only the path, such as /blog/**",
            _ when !glob.StartsWith('/') && !glob.StartsWith('*') =>
                "is not a path glob: it is matched against the URL's path, which starts with /; give one such as /blog/** (or **/print to match anywhere)",
            _ => BraceProblem(glob),
        };
        return problem is null ? new PathGlob(glob!) : null;
    }

    // {a,b} groups: closed, and not nested (the glob syntax has no nesting).
    private static string? BraceProblem(string glob)
    {
        var open = false;
        foreach (var c in glob)
        {
            if (c == '{')
            {
                if (open)
                {
                    return "has a { inside another {...}; groups do not nest: write {a,b} with plain alternatives";
                }

                open = true;
            }
            else if (c == '}')
            {
                if (!open)
                {
                    return "has a } with no { before it; write a group as {a,b}";
                }

                open = false;
            }
        }

        return open ? "has a { that is never closed; write a group as {a,b}" : null;
    }
}
