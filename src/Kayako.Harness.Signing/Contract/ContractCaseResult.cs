using System.Globalization;
using System.Text;

namespace Kayako.Harness.Signing.Contract;

/// <summary>What each implementation signed for one case, and whether they agree.</summary>
/// <param name="Case">The case.</param>
/// <param name="CSharp">The C# signature.</param>
/// <param name="Php">The PHP signature, or <see langword="null"/> when PHP was skipped for this case.</param>
/// <param name="Node">The Node signature.</param>
public sealed record ContractCaseResult(ContractCase Case, string CSharp, string? Php, string Node)
{
    private const int MaxMessageBytesShown = 4096;

    /// <summary>
    /// The signature every implementation should give: the stored one for a vector; for a random input, the one
    /// at least two implementations gave (<see langword="null"/> when no two agree).
    /// </summary>
    public string? Reference => Case.Expected ?? Majority();

    /// <summary>Whether every implementation that ran gave <see cref="Reference"/>.</summary>
    public bool Agrees => Outcome(ContractImplementation.CSharp) != false
        && Outcome(ContractImplementation.Php) != false
        && Outcome(ContractImplementation.Node) != false;

    /// <summary>
    /// <see langword="true"/> when <paramref name="implementation"/> gave the reference signature,
    /// <see langword="false"/> when it gave another one, <see langword="null"/> when it was skipped.
    /// </summary>
    public bool? Outcome(ContractImplementation implementation)
    {
        var output = Output(implementation);
        return output is null ? null : output == Reference;
    }

    /// <summary>The signature <paramref name="implementation"/> gave, or <see langword="null"/> when it was skipped.</summary>
    public string? Output(ContractImplementation implementation) => implementation switch
    {
        ContractImplementation.CSharp => CSharp,
        ContractImplementation.Php => Php,
        _ => Node,
    };

    /// <summary>
    /// Everything needed to reproduce a disagreement by hand: the inputs (escaped), each output and the UTF-8
    /// bytes of the signed message. Contract inputs are test data, so the token is shown.
    /// </summary>
    public string Describe()
    {
        var input = Case.Input;
        var message = Encoding.UTF8.GetBytes(MessengerSignature.Message(input.Name, input.Email, input.Token, input.Timestamp));
        var hex = Convert.ToHexStringLower(message.AsSpan(0, Math.Min(message.Length, MaxMessageBytesShown)));
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"case {Case.Label}")
            .AppendLine(CultureInfo.InvariantCulture, $"  name:      {Escape(input.Name)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  email:     {Escape(input.Email)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  token:     {Escape(input.Token)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  timestamp: {input.Timestamp}")
            .AppendLine(CultureInfo.InvariantCulture, $"  stored:    {Case.Expected ?? "(none: random input)"}")
            .AppendLine(CultureInfo.InvariantCulture, $"  C#:        {CSharp}")
            .AppendLine(CultureInfo.InvariantCulture, $"  PHP:       {Php ?? "(skipped: PHP cannot hold unpaired surrogates)"}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Node:      {Node}")
            .Append(CultureInfo.InvariantCulture, $"  message UTF-8 ({message.Length} bytes): {hex}");
        if (message.Length > MaxMessageBytesShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… (first {MaxMessageBytesShown} bytes shown)");
        }

        return text.ToString();
    }

    /// <summary>A string as a C#/JSON literal with every non-printable or non-ASCII code unit escaped.</summary>
    internal static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value.Length > 2000 ? value[..2000] : value)
        {
            if (character is '"' or '\\')
            {
                builder.Append('\\').Append(character);
            }
            else if (character is >= ' ' and < (char)0x7F)
            {
                builder.Append(character);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}");
            }
        }

        builder.Append('"');
        return value.Length > 2000 ? builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} UTF-16 code units in all)").ToString() : builder.ToString();
    }

    private string? Majority()
    {
        if (CSharp == Node || CSharp == Php)
        {
            return CSharp;
        }

        return Php is not null && Php == Node ? Node : null;
    }
}
