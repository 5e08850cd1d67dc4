namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>The digest a sender may have computed; <see cref="HmacSha256"/> is the right one.</summary>
internal enum SigningAlgorithm
{
    HmacSha256,
    HmacSha256KeyAndMessageSwapped,
    HmacSha1,
    HmacSha384,
    HmacSha512,
    HmacMd5,
    Sha256,
    Sha1,
    Sha512,
    Md5,
}
