namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>How the signed text became bytes; <see cref="Utf8"/> is the right one.</summary>
internal enum MessageEncoding
{
    Utf8,

    /// <summary>ISO-8859-1 with <c>?</c> for characters it lacks: PHP's <c>utf8_decode</c>.</summary>
    Latin1,

    /// <summary>The low byte of every UTF-16 code unit: Node's <c>Buffer.from(text, 'latin1')</c> and <c>'binary'</c>.</summary>
    Latin1LowByte,

    /// <summary>Windows-1252 with <c>?</c> for characters it lacks: <c>iconv('UTF-8', 'WINDOWS-1252', ...)</c>.</summary>
    Windows1252,

    /// <summary>Node's <c>'utf16le'</c> / <c>'ucs2'</c>.</summary>
    Utf16LittleEndian,

    Utf16BigEndian,

    /// <summary>UTF-8 encoded twice: PHP's <c>utf8_encode</c> over a string that already was UTF-8.</summary>
    DoubleUtf8,
}
