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

    [Fact]
    public void TheChecklistCountsEachReportsFiguresAsTheDatabaseHoldsThem()
    {
        Assert.Equal(0, CompilerCli.Run("build", "--dataset", Repository.Dataset, "--out", _output).ExitCode);
        var coverage = File.ReadAllText(Path.Combine(Repository.Docs, "coverage.md"));

        using var db = new Database(_output);
        var rows = db.Rows("""
            WITH figures AS (SELECT operation_id, disclosure_id, source_id FROM platform_actions
                             UNION ALL SELECT operation_id, disclosure_id, source_id FROM reach_figures)
            SELECT r.url, r.title, count(*), sum(s.kind IN ('primary', 'mirror')), r.published, r.copy_url
            FROM figures f JOIN disclosures d ON d.operation_id = f.operation_id AND d.id = f.disclosure_id
            JOIN operation_sources s ON s.operation_id = f.operation_id AND s.id = f.source_id
            JOIN reports r ON r.id = d.report_id
            WHERE r.organisation_id = 'meta' GROUP BY r.id
            """);
        Assert.True(rows.Count > 50);
        foreach (var row in rows)
        {
            var title = ((string)row[1]!).Replace("|", "\\|", StringComparison.Ordinal);
            var line = coverage.Split('\n').Single(l => l.StartsWith($"| {row[4]} | ", StringComparison.Ordinal)
                && l.Contains(row[0] is string url ? $"[{title}]({url})" : $"| {title} |", StringComparison.Ordinal)
                && (row[5] is not string copy || l.Contains($"]({copy})", StringComparison.Ordinal)));
            Assert.Contains($"| {row[2]} ({row[3]}) |", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoOperationsTotalCountsTheSameAccountsTwice()
    {
        Assert.Equal(0, CompilerCli.Run("build", "--dataset", Repository.Dataset, "--out", _output).ExitCode);

        using var db = new Database(_output);
        // Each total is exactly the sum of the figures marked as counted…
        Assert.Empty(db.Rows("""
            SELECT o.id FROM operations o
            WHERE o.accounts_removed IS NOT (SELECT sum(count) FROM platform_actions pa WHERE pa.operation_id = o.id AND pa.asset_kind_id = 'account' AND pa.counts_in_totals = 1)
            """));
        // …no restatement is counted…
        Assert.Empty(db.Rows("SELECT operation_id FROM platform_actions WHERE counting = 'restatement' AND counts_in_totals = 1"));
        // …one discloser's running totals of one thing are counted at most once…
        Assert.Empty(db.Rows("""
            SELECT pa.operation_id FROM platform_actions pa JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
            WHERE pa.counting = 'cumulative' AND pa.counts_in_totals = 1
            GROUP BY pa.operation_id, d.organisation_id, pa.platform_id, pa.asset_kind_id HAVING count(*) > 1
            """));
        // …and no new figure is counted beside a running total that already includes it.
        Assert.Empty(db.Rows("""
            SELECT n.operation_id FROM platform_actions n
            JOIN disclosures nd ON nd.operation_id = n.operation_id AND nd.id = n.disclosure_id
            JOIN platform_actions c ON c.operation_id = n.operation_id AND c.platform_id = n.platform_id AND c.asset_kind_id = n.asset_kind_id
                AND c.counting = 'cumulative' AND c.counts_in_totals = 1
            JOIN disclosures cd ON cd.operation_id = c.operation_id AND cd.id = c.disclosure_id AND cd.organisation_id = nd.organisation_id
            WHERE n.counting = 'new' AND n.counts_in_totals = 1 AND nd.date_start <= cd.date_end
            """));
        // An operation with no account figure has an unknown total, not zero.
        Assert.Empty(db.Rows("""
            SELECT o.id FROM operations o
            WHERE o.accounts_removed = 0 AND NOT EXISTS (SELECT 1 FROM platform_actions pa WHERE pa.operation_id = o.id AND pa.asset_kind_id = 'account' AND pa.count = 0)
            """));
    }
}
