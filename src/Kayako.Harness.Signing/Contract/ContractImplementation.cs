namespace Kayako.Harness.Signing.Contract;

/// <summary>The three implementations the signature contract compares.</summary>
public enum ContractImplementation
{
    /// <summary><see cref="MessengerSignature"/>, the code under test.</summary>
    CSharp,

    /// <summary>Kayako's PHP example, run by <c>php</c>.</summary>
    Php,

    /// <summary>Kayako's Node example, run by <c>node</c>.</summary>
    Node,
}
