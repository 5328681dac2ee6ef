using System.Diagnostics;
using System.Text;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Dataset.Tests;

/// <summary>Hostile or broken files get a clear error with a location, never a crash, and the run goes on.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void EmptyFileIsReported()
    {
        using var tree = new FixtureTree();
        var path = tree.Write("operations/empty.yaml", "");

        var run = tree.Validate();

        Assert.Contains($"{path}:1:1: error TD002: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOverTheSizeLimitIsReportedWithoutBeingParsed()
    {
        using var tree = new FixtureTree();
        var path = tree.Write("operations/huge.yaml", "# yaml-language-server: $schema=../schema/operation.schema.json\nsummary: " + new string('a', 300_000) + "\n");

        var run = tree.Validate();

        Assert.Contains($"{path}:1:1: error TD003: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtItsLineAndColumn()
    {
        using var tree = new FixtureTree();
        var bytes = Encoding.UTF8.GetBytes("# yaml-language-server: $schema=../schema/operation.schema.json\nid: latin1\nname: Caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var path = tree.Write("operations/latin1.yaml", bytes);

        var run = tree.Validate();

        Assert.Contains($"{path}:3:10: error TD004: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BillionLaughsIsRefusedQuickly()
    {
        using var tree = new FixtureTree();
        var bomb = new StringBuilder("# yaml-language-server: $schema=../schema/operation.schema.json\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n");
        }
        var path = tree.Write("operations/bomb.yaml", bomb.ToString());
        var clock = Stopwatch.StartNew();

        var run = tree.Validate();

        Assert.Contains($"{path}:2:4: error TD005: ", run.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "aliases must not be expanded");
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        using var tree = new FixtureTree();
        var path = tree.Write("operations/deep.yaml", "# yaml-language-server: $schema=../schema/operation.schema.json\nid: " + new string('[', 5000) + new string(']', 5000) + "\n");

        var run = tree.Validate();

        Assert.Contains($"{path}:2:", run.Output, StringComparison.Ordinal);
        Assert.Contains("error TD009: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfEveryFileIsReportedInOneRun()
    {
        using var tree = new FixtureTree();
        var first = tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");
        var second = tree.PlaceBroken("invalid-date", "operations/invalid-date.yaml");
        var third = tree.Write("operations/empty.yaml", "");
        var alpha = tree.PathOf("operations/operation-alpha.yaml");
        File.WriteAllText(alpha, File.ReadAllText(alpha).Replace("level: proxy", "level: sure", StringComparison.Ordinal).Replace("count: 703", "count: -703", StringComparison.Ordinal));

        var run = tree.Validate();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{first}:11:21: error TD203: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{second}:8:11: error TD106: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{third}:1:1: error TD002: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{alpha}:24:12: error TD104: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{alpha}:37:51: error TD108: ", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("5 errors, 0 warnings in 4 of 14 files\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GithubFormatPrintsAnnotationsOnTheLines()
    {
        using var tree = new FixtureTree();
        var path = tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");

        var run = tree.Validate("--format", "github");

        Assert.Equal(1, run.ExitCode);
        var annotation = Assert.Single(run.Lines, l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.StartsWith($"::error file={path.Replace(":", "%3A", StringComparison.Ordinal)},line=11,col=21,title=TD203 unknown-reference::unknown platform 'twiter'", annotation);
        Assert.Contains("%0Ahint: ", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedPathsLimitTheReportButReferencesResolveAgainstTheWholeDataset()
    {
        using var tree = new FixtureTree();
        tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");

        var clean = tree.Validate(tree.PathOf("operations/operation-alpha.yaml"));
        var broken = tree.Validate(tree.PathOf("operations/unknown-platform.yaml"));

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal("0 errors, 0 warnings in 0 of 1 file\n", clean.Output);
        Assert.Equal(1, broken.ExitCode);
    }

    [Fact]
    public void NamedFileOutsideTheDatasetIsUnexpected()
    {
        using var tree = new FixtureTree();
        var outside = Path.Combine(Path.GetTempPath(), $"outside-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(outside, "id: outside\n");
        try
        {
            var run = tree.Validate(outside);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{outside}:1:1: error TD008: ", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void UnknownVerbIsAUsageErrorWithoutAStackTrace()
    {
        var run = CompilerCli.Run("compile");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDatasetFolderIsAUsageError()
    {
        var run = CompilerCli.Run("validate", "--dataset", Path.Combine(Path.GetTempPath(), "no-such-dataset-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }
}
