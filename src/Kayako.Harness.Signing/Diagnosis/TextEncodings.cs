using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>Code-page encodings from the runtime's own provider, without registering it process-wide.</summary>
internal static class TextEncodings
{
    /// <summary>Windows-1252 that writes <c>?</c> for characters it lacks (no best-fit mapping), as iconv does.</summary>
    public static Encoding Windows1252 { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
        ?? throw new InvalidOperationException("The runtime has no Windows-1252 code page.");
}
