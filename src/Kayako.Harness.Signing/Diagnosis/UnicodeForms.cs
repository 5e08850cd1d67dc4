using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// NFC and NFD as a backend produces them (PHP's <c>Normalizer::normalize</c>, JavaScript's
/// <c>String.prototype.normalize</c>), for every script: ICU's normalization, which .NET uses on Linux.
/// </summary>
internal static class UnicodeForms
{
    /// <summary>Canonical decomposition: every precomposed character becomes its base and combining marks.</summary>
    public static string ToNfd(string text) => Normalize(text, NormalizationForm.FormD);

    /// <summary>Canonical composition: bases followed by combining marks become the precomposed character.</summary>
    public static string ToNfc(string text) => Normalize(text, NormalizationForm.FormC);

    private static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Text holding an unpaired surrogate has no normal form; there is no such variant to try.
            return text;
        }
    }
}
