using System.CommandLine;
using System.Diagnostics;
using Kayako.Harness.Bench;

var quick = new Option<bool>("--quick") { Description = "Fewer runs and smaller sizes: a smoke run of the benchmark itself, not figures to keep." };
var output = new Option<string>("--output") { Description = "Where to write the results table.", DefaultValueFactory = _ => "bench/RESULTS.md" };
string[] allParts = ["per-spec", "suite", "contract", "check", "startup", "remote", "shards", "crawl"];
var only = new Option<string[]>("--only") { Description = $"Run only these parts: {string.Join(", ", allParts)} (default: all).", AllowMultipleArgumentsPerToken = true };
var root = new RootCommand("Measures Kayako.Harness against raw Playwright and Playwright Test, a naive contract checker, and itself as work grows, on a remote browser and in shards.") { quick, output, only };
root.SetAction(async (parseResult, cancellationToken) =>
{
    var isQuick = parseResult.GetValue(quick);
    var environment = BenchEnvironment.Discover();
    var stopwatch = Stopwatch.StartNew();
    var rows = new List<ResultRow>();
    var parts = parseResult.GetValue(only) is { Length: > 0 } chosen ? chosen : allParts;
    var unknown = parts.Except(allParts).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"bench: unknown part(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", allParts)}.");
        return 2;
    }

    if (parts.Contains("per-spec"))
    {
        Console.Error.WriteLine("bench: per-spec cost against raw Playwright");
        rows.AddRange(await PerSpecBenchmark.RunAsync(environment, specs: isQuick ? 5 : 30, rounds: isQuick ? 1 : 5, cancellationToken));
    }

    if (parts.Contains("suite"))
    {
        Console.Error.WriteLine("bench: a user's 60-spec suite, dotnet test against npx playwright test");
        rows.AddRange(await SuiteBenchmark.RunAsync(environment, rounds: isQuick ? 1 : 5, cancellationToken));
    }

    if (parts.Contains("contract"))
    {
        Console.Error.WriteLine("bench: contract against a naive checker");
        rows.AddRange(await ContractBenchmark.RunAsync(environment, isQuick ? [1_000] : [1_000, 10_000, 100_000], runs: isQuick ? 1 : 5, cancellationToken));
    }

    if (parts.Contains("check"))
    {
        Console.Error.WriteLine("bench: check scaling");
        rows.AddRange(await CheckScalingBenchmark.RunAsync(environment, isQuick ? [1, 5] : [1, 5, 20, 50], runs: isQuick ? 1 : 3, cancellationToken));
    }

    if (parts.Contains("startup"))
    {
        Console.Error.WriteLine("bench: start-up");
        rows.AddRange(await StartupBenchmark.RunAsync(environment, runs: isQuick ? 1 : 5, cancellationToken));
    }

    if (parts.Contains("remote"))
    {
        Console.Error.WriteLine("bench: check on a local browser against a Playwright server");
        rows.AddRange(await RemoteBenchmark.RunAsync(environment, sites: isQuick ? 5 : 50, rounds: isQuick ? 1 : 3, cancellationToken));
    }

    if (parts.Contains("shards"))
    {
        Console.Error.WriteLine("bench: 4 shards one after another against one run, and their merge");
        rows.AddRange(await ShardingBenchmark.RunAsync(environment, sites: isQuick ? 8 : 50, rounds: isQuick ? 1 : 3, cancellationToken));
    }

    if (parts.Contains("crawl"))
    {
        Console.Error.WriteLine("bench: a 200-page crawl, 1 and 2 workers");
        rows.AddRange(await CrawlBenchmark.RunAsync(environment, pages: 200, runs: isQuick ? 1 : 3, cancellationToken));
    }

    var markdown = ResultsReport.Markdown(rows, environment.RepositoryRoot, stopwatch.Elapsed);
    var path = Path.GetFullPath(parseResult.GetValue(output)!, environment.RepositoryRoot);
    await File.WriteAllTextAsync(path, markdown, cancellationToken);
    Console.WriteLine(markdown);
    Console.Error.WriteLine($"bench: wrote {path}");
    return 0;
});

return await root.Parse(args).InvokeAsync();
