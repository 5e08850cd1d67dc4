using System.Globalization;
using System.Text;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Writes a signature input as the JSON line the reference signers read. Text goes as it is (UTF-8 once the
/// writer encodes it); control characters and unpaired surrogates go as <c>\uXXXX</c> escapes, so an unpaired
/// surrogate survives the trip to Node (System.Text.Json's writer refuses one, and UTF-8 cannot carry it).
/// </summary>
internal static class SignerInputLine
{
    /// <summary>Appends <c>{"name":…,"email":…,"token":…,"timestamp":…}</c> and a line feed.</summary>
    public static void Append(StringBuilder line, SignatureInput input)
    {
        line.Append("{\"name\":");
        AppendString(line, input.Name);
        line.Append(",\"email\":");
        AppendString(line, input.Email);
        line.Append(",\"token\":");
        AppendString(line, input.Token);
        line.Append(",\"timestamp\":").Append(input.Timestamp.ToString(CultureInfo.InvariantCulture)).Append("}\n");
    }

    private static void AppendString(StringBuilder line, string value)
    {
        line.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (character is '"' or '\\')
            {
                line.Append('\\').Append(character);
            }
            else if (character < ' ' || character == (char)0x7F || IsUnpairedSurrogate(value, i))
            {
                line.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                line.Append(character);
            }
        }

        line.Append('"');
    }

    private static bool IsUnpairedSurrogate(string value, int index)
    {
        var character = value[index];
        if (char.IsHighSurrogate(character))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        return char.IsLowSurrogate(character) && (index == 0 || !char.IsHighSurrogate(value[index - 1]));
    }
}
