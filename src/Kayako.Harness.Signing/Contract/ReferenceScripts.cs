using System.Security.Cryptography;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// The reference signer scripts are embedded in the library, so the CLI and tests need no repository checkout.
/// Interpreters run files, so each script is written once to a temporary folder named after its content hash.
/// </summary>
internal static class ReferenceScripts
{
    /// <summary>The path of <paramref name="signer"/>'s script on disk, written there on first use.</summary>
    public static string PathFor(ReferenceSigner signer)
    {
        var bytes = Read(signer);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = Path.Combine(Path.GetTempPath(), "kayako-harness", "signers", hash);
        var path = Path.Combine(folder, signer.Script);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        // Write then rename, so a concurrent run never starts an interpreter on a half-written script.
        var partial = Path.Combine(folder, $"{signer.Script}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>The embedded script's bytes.</summary>
    public static byte[] Read(ReferenceSigner signer)
    {
        var resource = $"Kayako.Harness.Signing.Contract.{signer.Script}";
        using var stream = typeof(ReferenceScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the Kayako.Harness assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
