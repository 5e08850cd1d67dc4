using System.Globalization;
using System.Text;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Writes a signature input as the JSON line the reference signers read. Every non-ASCII UTF-16 code unit is
/// written as a <c>\uXXXX</c> escape, so the line is plain ASCII and an unpaired surrogate survives the trip to
/// Node (System.Text.Json's writer refuses one).
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
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    line.Append("\\\"");
                    break;
                case '\\':
                    line.Append("\\\\");
                    break;
                case >= ' ' and < (char)0x7F:
                    line.Append(character);
                    break;
                default:
                    line.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        line.Append('"');
    }
}
