namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// One of Kayako's documented signers, run as a real interpreter over an embedded script
/// (<c>fixtures/contract/sign.php</c> or <c>sign.js</c>) that reads JSON lines and writes signatures.
/// </summary>
internal sealed class ReferenceSigner
{
    /// <summary>Kayako's PHP example: <c>hash_hmac('sha256', $name . $email . $token . $timestamp, $token)</c>.</summary>
    public static readonly ReferenceSigner Php = new("PHP", "php", "sign.php", "apt-get install -y php-cli");

    /// <summary>Kayako's Node example: <c>crypto.createHmac('sha256', token).update(...).digest('hex')</c>.</summary>
    public static readonly ReferenceSigner Node = new("Node", "node", "sign.js", "apt-get install -y nodejs (or install Node 20 from https://nodejs.org)");

    private ReferenceSigner(string name, string defaultExecutable, string script, string installCommand)
    {
        Name = name;
        DefaultExecutable = defaultExecutable;
        Script = script;
        InstallCommand = installCommand;
    }

    /// <summary>The implementation's name in tables and messages.</summary>
    public string Name { get; }

    /// <summary>The interpreter looked up on PATH unless another one is given.</summary>
    public string DefaultExecutable { get; }

    /// <summary>The script's file name, also the suffix of its embedded resource name.</summary>
    public string Script { get; }

    /// <summary>How to install the interpreter on Debian.</summary>
    public string InstallCommand { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
