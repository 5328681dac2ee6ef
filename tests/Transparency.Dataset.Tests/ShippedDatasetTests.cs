using Transparency.Dataset.Tests.Support;

namespace Transparency.Dataset.Tests;

/// <summary>The dataset in the repository validates, builds, and holds the seed operations with their sourced figures.</summary>
public sealed class ShippedDatasetTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "transparency-tests", $"{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_output);

    [Fact]
    public void ShippedDatasetValidatesWithoutErrors()
    {
        var run = CompilerCli.Run("validate", "--dataset", Repository.Dataset);

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Theory]
    [InlineData("spamouflage", "tiktok", "account", 284)]
    [InlineData("spamouflage", "facebook", "account", 7704)]
    [InlineData("doppelganger", "facebook", "account", 1633)]
    [InlineData("doppelganger", "facebook", "page", 703)]
    [InlineData("doppelganger", "instagram", "account", 29)]
    [InlineData("china-hong-kong-protests-2019", "x", "account", 936)]
    [InlineData("china-hong-kong-protests-2019", "facebook", "page", 7)]
    [InlineData("china-hong-kong-protests-2019", "youtube", "channel", 210)]
    [InlineData("china-us-midterms-czech-2022", "facebook", "account", 81)]
    public void SeedOperationsCarryTheirSourcedFigures(string operation, string platform, string asset, long count)
    {
        Assert.Equal(0, CompilerCli.Run("build", "--dataset", Repository.Dataset, "--out", _output).ExitCode);

        using var db = new Database(_output);
        var rows = db.Rows($"""
            SELECT s.url FROM platform_actions pa
            JOIN operation_sources s ON s.operation_id = pa.operation_id AND s.id = pa.source_id
            WHERE pa.operation_id = '{operation}' AND pa.platform_id = '{platform}' AND pa.asset_kind_id = '{asset}' AND pa.count = {count}
            """);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("http", (string)r[0]!, StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedDatasetBuildsWithEveryForeignKeyResolvedAndNoFreePages()
    {
        Assert.Equal(0, CompilerCli.Run("build", "--dataset", Repository.Dataset, "--out", _output).ExitCode);

        using var db = new Database(_output);
        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        Assert.Equal(0L, db.Rows("PRAGMA freelist_count")[0][0]);
    }
}
