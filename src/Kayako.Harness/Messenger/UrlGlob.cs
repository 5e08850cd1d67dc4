using System.Text;

namespace Kayako.Harness.Messenger;

/// <summary>
/// Playwright's URL glob syntax as a JavaScript regular expression source, so the page-side scripts recognise
/// the same messenger script URLs the context's routes answer: <c>**</c> matches anything, <c>*</c> anything but
/// <c>/</c>, <c>{a,b}</c> either, and every other character itself (<c>?</c> included).
/// </summary>
internal static class UrlGlob
{
    /// <summary>The anchored regular expression source for <paramref name="glob"/>.</summary>
    public static string ToRegexSource(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var source = new StringBuilder("^");
        var inGroup = false;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    source.Append(".*");
                    i++;
                    break;
                case '*':
                    source.Append("[^/]*");
                    break;
                case '{':
                    source.Append("(?:");
                    inGroup = true;
                    break;
                case '}' when inGroup:
                    source.Append(')');
                    inGroup = false;
                    break;
                case ',' when inGroup:
                    source.Append('|');
                    break;
                default:
                    if ("\\^$.|?+()[]{}/".Contains(c, StringComparison.Ordinal))
                    {
                        source.Append('\\');
                    }

                    source.Append(c);
                    break;
            }
        }

        return source.Append('$').ToString();
    }
}
