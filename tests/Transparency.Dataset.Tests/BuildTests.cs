using System.Security.Cryptography;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Dataset.Tests;

public sealed class BuildTests : IDisposable
{
    private readonly FixtureTree _tree = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "transparency-tests", $"{Guid.NewGuid():N}", "out.db");

    public void Dispose()
    {
        _tree.Dispose();
        if (Directory.Exists(Path.GetDirectoryName(_output)))
        {
            Directory.Delete(Path.GetDirectoryName(_output)!, recursive: true);
        }
    }

    [Fact]
    public void ValidTreeBuildsADatabaseThatPlainSqlCanQuery()
    {
        var run = _tree.Build(_output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote ", run.Output, StringComparison.Ordinal);
        using var db = new Database(_output);
        Assert.Equal(["operation-alpha", "operation-beta", "operation-delta", "operation-gamma"], db.Rows("SELECT id FROM operations ORDER BY id").Select(r => (string)r[0]!));
        var counts = db.Rows("""
            SELECT pa.platform_id, pa.asset_kind_id, pa.count, pa.qualifier, s.url
            FROM platform_actions pa JOIN operation_sources s ON s.operation_id = pa.operation_id AND s.id = pa.source_id
            WHERE pa.operation_id = 'operation-alpha' AND pa.disclosure_id = 'meta-2021-03' ORDER BY pa.ordinal
            """);
        Assert.Equal(["facebook", "account", 1633L, "exact", "https://about.fb.com/news/2021/03/example/"], counts[0]);
        Assert.Equal(["instagram", "account", 29L, "exact", "https://about.fb.com/news/2021/03/example/"], counts[2]);
        Assert.Equal(["facebook", "account", 1600L, "about", "https://news.example.com/2021/03/network"], counts[3]);
    }

    [Fact]
    public void EveryForeignKeyResolvesAndNoPageIsFree()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);

        using var db = new Database(_output);
        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        Assert.NotEmpty(db.Rows("SELECT 1 FROM attributions WHERE actor_id IS NOT NULL"));
        Assert.Equal(0L, db.Rows("PRAGMA freelist_count")[0][0]);
    }

    [Fact]
    public void TotalsCountEachDisclosuresOwnFiguresOnce()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        // alpha: Meta 1633 + 29 accounts (the news copy's 1,600 is an alternative, not an addition) + the lab's 12.
        Assert.Equal([1674L, 2377L, 4000L], db.Rows("SELECT accounts_removed, assets_removed, max_followers FROM operations WHERE id = 'operation-alpha'")[0]);
        // beta: one source's 936 and its wider 200,000 add up, as do TikTok's 284.
        Assert.Equal(201220L, db.Scalar("SELECT accounts_removed FROM operations WHERE id = 'operation-beta'"));
        Assert.Equal(0L, db.Scalar("SELECT counts_in_totals FROM platform_actions WHERE operation_id = 'operation-alpha' AND count = 1600"));
    }

    [Fact]
    public void RunningTotalsAndRestatementsAreNeverAddedTwice()
    {
        // The Internet Research Agency's pattern: Twitter's January 2018 running total (3,814, including 1,062
        // newly found), its October 2018 archive of largely the same accounts (3,841, a running total too), a
        // researcher restating that archive, and a later takedown of new accounts.
        _tree.Write("operations/operation-epsilon.yaml", """
            # yaml-language-server: $schema=../schema/operation.schema.json
            id: operation-epsilon
            name: Operation Epsilon
            summary: A fictional record whose disclosers report running totals.
            disclosures:
              - id: twitter-2018-01
                by: twitter
                date: 2018-01-19
                source: s1
                actions:
                  - { platform: x, asset: account, count: 3814, counting: cumulative }
                  - { platform: x, asset: account, count: 1062, note: newly found }
              - id: twitter-2018-10
                by: twitter
                date: 2018-10-17
                source: s1
                actions:
                  - { platform: x, asset: account, count: 3841, counting: cumulative }
              - id: lab-2018-12
                by: research-lab
                date: 2018-12
                source: s1
                actions:
                  - { platform: x, asset: account, count: 3841, counting: restatement }
              - id: twitter-2019-06
                by: twitter
                date: 2019-06-13
                source: s1
                actions:
                  - { platform: x, asset: account, count: 4 }
                  - { platform: x, asset: tweet, count: 900 }
            sources:
              - { id: s1, url: "https://example.org/r", title: T, publisher: P, kind: primary }
            """);
        _tree.Write("operations/operation-zeta.yaml", """
            # yaml-language-server: $schema=../schema/operation.schema.json
            id: operation-zeta
            name: Operation Zeta
            summary: A fictional record whose discloser gave no figures.
            disclosures:
              - { id: lab-2020, by: research-lab, date: 2020, source: s1 }
            sources:
              - { id: s1, url: "https://example.org/r", title: T, publisher: P, kind: primary }
            """);
        var asset = File.ReadAllText(_tree.PathOf("vocabularies/asset-kinds.yaml"));
        _tree.Write("vocabularies/asset-kinds.yaml", asset.TrimEnd() + "\n  - { id: tweet, name: Tweet, description: A post on X. }\n");

        var run = _tree.Build(_output);

        Assert.True(run.ExitCode == 0, run.Output);
        using var db = new Database(_output);
        // 3,841 (the latest running total) + 4 found later; not 3,814 + 1,062 + 3,841 + 3,841 + 4.
        Assert.Equal([3845L, 4745L], db.Rows("SELECT accounts_removed, assets_removed FROM operations WHERE id = 'operation-epsilon'")[0]);
        Assert.Equal(
            ["twitter-2018-01 3814 cumulative 0", "twitter-2018-01 1062 new 0", "twitter-2018-10 3841 cumulative 1", "lab-2018-12 3841 restatement 0", "twitter-2019-06 4 new 1"],
            db.Rows("""
                SELECT pa.disclosure_id, pa.count, pa.counting, pa.counts_in_totals FROM platform_actions pa
                JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
                WHERE pa.operation_id = 'operation-epsilon' AND pa.asset_kind_id = 'account' ORDER BY d.ordinal, pa.ordinal
                """).Select(r => string.Join(' ', r)));
        // Unknown is not zero.
        Assert.Equal(new object?[] { null, null, null }, db.Rows("SELECT accounts_removed, assets_removed, max_followers FROM operations WHERE id = 'operation-zeta'")[0]);
    }

    [Fact]
    public void ReportsAreListedAndDisclosuresLinkToThem()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);

        using var db = new Database(_output);
        Assert.Equal(
            ["meta-2021-03-example meta 3 1", "meta-2021-04-example meta  0"],
            db.Rows("""
                SELECT r.id, r.organisation_id, r.networks, (SELECT count(*) FROM disclosures d WHERE d.report_id = r.id)
                FROM reports r ORDER BY r.id
                """).Select(r => string.Join(' ', r)));
        Assert.Equal(new object?[] { 200L, "more-than", "2022-12" }, db.Rows("SELECT stated_networks, stated_networks_qualifier, stated_networks_as_of FROM organisations WHERE id = 'meta'")[0]);
    }

    [Fact]
    public void DatesKeepTheirPrecisionAndSpan()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Equal(["2019-06", "month", "2019-06-01", "2021-02-15", "day", "2021-02-15"],
            db.Rows("SELECT first_seen, first_seen_precision, first_seen_start, last_seen, last_seen_precision, last_seen_end FROM operations WHERE id = 'operation-alpha'")[0]);
        Assert.Equal(["2020", "year", "2020-01-01", "2020-12-31"], db.Rows("SELECT date, date_precision, date_start, date_end FROM disclosures WHERE operation_id = 'operation-gamma'")[0]);
    }

    [Fact]
    public void FullTextSearchFindsAliasesAndSummaries()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Equal("operation-alpha", db.Scalar("SELECT operation_id FROM operations_fts WHERE operations_fts MATCH 'alphawave'"));
        Assert.Equal("operation-beta", db.Scalar("SELECT operation_id FROM operations_fts WHERE operations_fts MATCH 'misinformation'"));
    }

    [Fact]
    public void PlatformsCombineRemovalsReachAndNamedPlatforms()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Equal(["facebook", "instagram", "x", "youtube"], db.Rows("SELECT platform_id FROM operation_platforms WHERE operation_id = 'operation-alpha' ORDER BY 1").Select(r => (string)r[0]!));
        Assert.Equal(["operation-alpha", "operation-beta"], db.Rows("SELECT operation_id FROM operation_platforms WHERE platform_id = 'x' ORDER BY 1").Select(r => (string)r[0]!));
    }

    [Fact]
    public void TombstonesKeepTheirStatusAndSuccessor()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Equal(["merged", "operation-alpha", "2022-01-05"], db.Rows("SELECT status, merged_into, retired_on FROM operations WHERE id = 'operation-gamma'")[0]);
    }

    [Fact]
    public void FlattenedViewsJoinListsInOrder()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Equal(["ALPHAWAVE", "NO", "DK SE", "elections", "facebook instagram x youtube", "example-agency", "meta research-lab"],
            db.Rows("SELECT aliases, origin, target_countries, topics, platforms, actors, disclosed_by FROM operations_flat WHERE id = 'operation-alpha'")[0]);
    }

    [Fact]
    public void MetadataDescribesTheBuild()
    {
        _tree.Build(_output, "--data-version", "2026.11.22");

        using var db = new Database(_output);
        var metadata = db.Rows("SELECT key, value FROM dataset_metadata").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("2026.11.22", metadata["data_version"]);
        Assert.Equal("2.0.0", metadata["schema_version"]);
        Assert.Equal("4", metadata["count_operations"]);
        Assert.Equal("CC-BY-4.0", metadata["licence"]);
        Assert.Matches("^[0-9a-f]{64}$", metadata["input_sha256"]);
    }

    [Fact]
    public void TwoBuildsOfTheSameTreeAreByteIdentical()
    {
        var second = Path.Combine(Path.GetDirectoryName(_output)!, "second.db");

        Assert.Equal(0, _tree.Build(_output).ExitCode);
        Assert.Equal(0, _tree.Build(second).ExitCode);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(_output)), SHA256.HashData(File.ReadAllBytes(second)));
    }

    [Fact]
    public void AChangedRecordChangesTheInputChecksum()
    {
        _tree.Build(_output);
        string before;
        using (var db = new Database(_output))
        {
            before = (string)db.Scalar("SELECT value FROM dataset_metadata WHERE key = 'input_sha256'")!;
        }
        var beta = _tree.PathOf("operations/operation-beta.yaml");
        File.WriteAllText(beta, File.ReadAllText(beta).Replace("count: 284", "count: 285", StringComparison.Ordinal));

        _tree.Build(_output);

        using var after = new Database(_output);
        Assert.NotEqual(before, after.Scalar("SELECT value FROM dataset_metadata WHERE key = 'input_sha256'"));
    }

    [Fact]
    public void BuildWithAnErrorWritesNothingAndLeavesNoPartialFile()
    {
        _tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");

        var run = _tree.Build(_output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing was written", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_output));
        Assert.Empty(Directory.Exists(Path.GetDirectoryName(_output)) ? Directory.GetFiles(Path.GetDirectoryName(_output)!) : []);
    }

    [Fact]
    public void BuildWithAnErrorLeavesAnEarlierDatabaseUntouched()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);
        var before = File.ReadAllBytes(_output);
        _tree.PlaceBroken("invalid-date", "operations/invalid-date.yaml");

        Assert.Equal(1, _tree.Build(_output).ExitCode);

        Assert.Equal(before, File.ReadAllBytes(_output));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_output)!));
    }

    [Fact]
    public void BuiltDatabaseHasNoDanglingReferencesAndPassesIntegrityCheck()
    {
        _tree.Build(_output);

        using var db = new Database(_output);
        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        Assert.Equal("ok", db.Scalar("PRAGMA integrity_check"));
    }
}

public sealed class RecordHistoryTests : IDisposable
{
    private readonly FixtureTree _tree = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "transparency-tests", $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        _tree.Dispose();
        File.Delete(_output);
    }

    [Fact]
    public void PublishedAndModifiedComeFromGitHistory()
    {
        Git(null, "init", "-q");
        Git(null, "add", ".");
        Git("2024-01-02T03:04:05Z", "commit", "-q", "-m", "first");
        var beta = _tree.PathOf("operations/operation-beta.yaml");
        File.WriteAllText(beta, File.ReadAllText(beta).Replace("count: 284", "count: 285", StringComparison.Ordinal));
        Git("2025-06-07T08:09:10Z", "commit", "-q", "-am", "second");

        Assert.Equal(0, _tree.Build(_output).ExitCode);

        using var db = new Database(_output);
        Assert.Equal(["2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z"], db.Rows("SELECT published, modified FROM operations WHERE id = 'operation-alpha'")[0]);
        Assert.Equal(["2024-01-02T03:04:05Z", "2025-06-07T08:09:10Z"], db.Rows("SELECT published, modified FROM operations WHERE id = 'operation-beta'")[0]);
        Assert.Equal("2024-01-02T03:04:05Z", db.Scalar("SELECT published FROM actors WHERE id = 'example-agency'"));
    }

    [Fact]
    public void OutsideGitTheDatesAreNull()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);

        using var db = new Database(_output);
        Assert.Equal([null, null], db.Rows("SELECT published, modified FROM operations WHERE id = 'operation-alpha'")[0]);
    }

    private void Git(string? date, params string[] arguments) => GitRepository.Run(_tree.Root, date, arguments);
}
