using System.Globalization;
using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Shows a signed message so the difference is visible: spaces as <c>␠</c>, control characters as <c>\n</c>,
/// <c>\t</c>, <c>\r</c>, <c>\0</c>, and invisible or combining characters as <c>\uXXXX</c>.
/// </summary>
internal static class VisibleText
{
    public static string Show(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                ' ' => builder.Append('␠'),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\0' => builder.Append("\\0"),
                '\\' => builder.Append("\\\\"),
                _ when IsInvisible(c) => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => true,
        _ => false,
    };
}
