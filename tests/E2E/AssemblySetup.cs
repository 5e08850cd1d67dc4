// Each NUnit worker drives its own browser (Playwright.NUnit keeps one per worker), each test its own
// context: fixtures run side by side, tests within a fixture one after another.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
