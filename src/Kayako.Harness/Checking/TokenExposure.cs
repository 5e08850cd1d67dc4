namespace Kayako.Harness.Checking;

/// <summary>A place the browser could see the messenger token. Says where, never what.</summary>
/// <param name="Where">The surface: <c>the markup of https://…/account</c>, <c>cookie "k" for example.com</c>, ...</param>
public sealed record TokenExposure(string Where);
