using Kayako.Harness.Configuration;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Connects to the browser of <c>browser.connect</c>: a Playwright server over its WebSocket, or a Chromium over CDP.
/// Header values are read from their environment variables here, at the last moment, and never shown.
/// </summary>
internal static class RemoteBrowser
{
    /// <summary>How long connecting may take before the run gives up (a server that accepts but never answers, say).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IBrowser> ConnectAsync(IPlaywright playwright, BrowserConnection connection, CancellationToken cancellationToken)
    {
        var headers = Headers(connection);
        var endpoint = connection.Endpoint.OriginalString;
        var timeout = (float)ConnectTimeout.TotalMilliseconds;
        try
        {
            return connection.OverCdp
                ? await playwright.Chromium.ConnectOverCDPAsync(endpoint, new BrowserTypeConnectOverCDPOptions { Headers = headers, Timeout = timeout }).WaitAsync(cancellationToken)
                : await playwright.Chromium.ConnectAsync(endpoint, new BrowserTypeConnectOptions { Headers = headers, Timeout = timeout }).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            // Playwright's message may quote the URL (with its query) or, in a call log, what was sent.
            var reason = error.Message.Split('\n', 2)[0].Trim();
            foreach (var secret in headers.Values.Where(v => v.Length > 0).Append(endpoint).Append(connection.Endpoint.AbsoluteUri))
            {
                reason = reason.Replace(secret, "(not shown)", StringComparison.Ordinal);
            }

            var kind = connection.OverCdp ? "the Chromium DevTools endpoint" : "the Playwright server";
            throw new RemoteBrowserException(
                $"Could not connect to {kind} at {connection.DisplayEndpoint} within {ConnectTimeout.TotalSeconds:0} s: {reason} " +
                "Check that it is running and reachable from here" +
                (connection.OverCdp ? " (Chromium started with --remote-debugging-port)" : " (npx playwright run-server)") +
                ", and that browser.connect (or --connect) names it.");
        }
    }

    /// <summary>Each header's value from its variable; a variable that is not set is an error naming both (never a value).</summary>
    internal static Dictionary<string, string> Headers(BrowserConnection connection)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<ConfigurationProblem>();
        foreach (var (name, variable) in connection.HeaderVariables)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(new ConfigurationProblem(JsonReadContext.Child("$.browser.connect.headers", name),
                    $"the header {name} takes its value from the environment variable {variable}, which is not set; export {variable} with the header's value (it is never printed), or remove the header."));
            }
            else
            {
                headers[name] = value;
            }
        }

        return problems.Count == 0 ? headers : throw new ConfigurationException("the environment", problems);
    }
}
