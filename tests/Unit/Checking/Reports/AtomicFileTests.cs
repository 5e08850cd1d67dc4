using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

public sealed class AtomicFileTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("atomic-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_write_replaces_the_file_and_leaves_nothing_else()
    {
        var path = Path.Combine(folder, "report.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(folder).ShouldBe([path]);
    }

    [Test]
    public void A_write_that_fails_halfway_leaves_the_previous_file_whole_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "report.json");
        File.WriteAllText(path, "{ \"complete\": true }");

        Should.Throw<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{ \"trunc"u8);
            throw new IOException("No space left on device");
        }));

        File.ReadAllText(path).ShouldBe("{ \"complete\": true }");
        Directory.GetFiles(folder).ShouldBe([path]);
    }

    [Test]
    public void A_write_that_fails_before_any_file_existed_leaves_no_file()
    {
        var path = Path.Combine(folder, "report.json");

        Should.Throw<IOException>(() => AtomicFile.Write(path, _ => throw new IOException("No space left on device")));

        Directory.GetFiles(folder).ShouldBeEmpty();
    }

    [Test]
    public void A_missing_folder_is_created()
    {
        var path = Path.Combine(folder, "a", "b", "report.html");

        AtomicFile.Write(path, stream => stream.Write("<p>"u8));

        File.ReadAllText(path).ShouldBe("<p>");
    }

    [Test]
    public void A_link_keeps_pointing_at_the_file_it_named_which_gets_the_new_content()
    {
        var target = Path.Combine(folder, "shared.xml");
        File.WriteAllText(target, "old");
        var link = Path.Combine(folder, "junit.xml");
        File.CreateSymbolicLink(link, target);

        AtomicFile.Write(link, stream => stream.Write("new"u8));

        new FileInfo(link).LinkTarget.ShouldBe(target);
        File.ReadAllText(target).ShouldBe("new");
    }

    [Test]
    public async Task An_asynchronous_write_replaces_the_file_and_leaves_nothing_else()
    {
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, "old");

        await AtomicFile.WriteAsync(path, async (stream, cancellationToken) => await stream.WriteAsync("new"u8.ToArray(), cancellationToken));

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(folder).ShouldBe([path]);
    }

    [Test]
    public async Task An_asynchronous_write_that_fails_halfway_leaves_the_previous_file_whole_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, "<p>complete</p>");

        await Should.ThrowAsync<IOException>(() => AtomicFile.WriteAsync(path, async (stream, cancellationToken) =>
        {
            await stream.WriteAsync("<p>trunc"u8.ToArray(), cancellationToken);
            throw new IOException("No space left on device");
        }));

        File.ReadAllText(path).ShouldBe("<p>complete</p>");
        Directory.GetFiles(folder).ShouldBe([path]);
    }

    [Test]
    public async Task A_cancelled_asynchronous_write_leaves_the_previous_file_whole_and_no_temporary_file()
    {
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, "<p>complete</p>");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (stream, cancellationToken) =>
            await stream.WriteAsync("<p>trunc"u8.ToArray(), cancellationToken), cancelled.Token));

        File.ReadAllText(path).ShouldBe("<p>complete</p>");
        Directory.GetFiles(folder).ShouldBe([path]);
    }
}
