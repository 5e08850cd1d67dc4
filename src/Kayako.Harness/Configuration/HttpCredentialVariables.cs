namespace Kayako.Harness.Configuration;

/// <summary>
/// The <c>browser.httpCredentials</c> section: HTTP authentication (basic, digest) for every site, the values read
/// from environment variables when the run starts, so they never sit in the configuration, output or reports.
/// </summary>
/// <param name="UsernameEnv">The NAME of the environment variable holding the user name.</param>
/// <param name="PasswordEnv">The NAME of the environment variable holding the password.</param>
public sealed record HttpCredentialVariables(string UsernameEnv, string PasswordEnv);
