using Transparency.Dataset.Docs;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Dataset.Tests;

/// <summary>The public contracts — SQLite schema, JSON Schemas, generated reference pages — are pinned.</summary>
public sealed class ContractTests : IDisposable
{
    private readonly FixtureTree _tree = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "transparency-tests", $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        _tree.Dispose();
        File.Delete(_output);
    }

    [Fact]
    public void SqliteSchemaMatchesItsSnapshot()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);

        using var db = new Database(_output);
        var schema = string.Join("\n\n", db.Rows("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
            .Select(r => $"-- {r[0]} {r[1]}\n{r[2]};"));
        schema += $"\n\n-- user_version {db.Scalar("PRAGMA user_version")}\n";
        Snapshot.Match(schema, "sqlite-schema", "sql");
    }

    [Fact]
    public void EveryTableViewAndColumnIsDocumented()
    {
        Assert.Equal(0, _tree.Build(_output).ExitCode);
        var doc = File.ReadAllText(Path.Combine(Repository.Docs, "sqlite-schema.md"));

        using var db = new Database(_output);
        var missing = new List<string>();
        foreach (var name in db.Rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'operations_fts_%' ORDER BY name").Select(r => (string)r[0]!))
        {
            if (!doc.Contains($"### `{name}`", StringComparison.Ordinal))
            {
                missing.Add(name);
                continue;
            }
            var section = doc[doc.IndexOf($"### `{name}`", StringComparison.Ordinal)..];
            var next = section.IndexOf("\n### ", 5, StringComparison.Ordinal);
            section = next > 0 ? section[..next] : section;
            missing.AddRange(db.Rows($"SELECT name FROM pragma_table_info('{name}')").Select(r => (string)r[0]!)
                .Where(column => !section.Contains($"| `{column}` |", StringComparison.Ordinal))
                .Select(column => $"{name}.{column}"));
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void CommittedJsonSchemasAreUpToDate()
    {
        foreach (var (fileName, text) in JsonSchemaWriter.All())
        {
            var committed = File.ReadAllText(Path.Combine(Repository.Dataset, "schema", fileName));
            Assert.True(committed == text, $"dataset/schema/{fileName} is stale: run `dotnet run --project dataset/Transparency.Dataset -- schema`\n{Snapshot.Diff(committed, text)}");
        }
    }

    [Fact]
    public void GeneratedReferencePagesAreUpToDate()
    {
        foreach (var (fileName, text) in ReferenceDocs.All())
        {
            var committed = File.ReadAllText(Path.Combine(Repository.Docs, fileName));
            Assert.True(committed == text, $"docs/{fileName} is stale: run `dotnet run --project dataset/Transparency.Dataset -- docs`\n{Snapshot.Diff(committed, text)}");
        }
    }

    [Fact]
    public void CoverageReportIsUpToDate()
    {
        var result = Compiler.Validate(Repository.Dataset, DateOnly.FromDateTime(DateTime.UtcNow), keepRecords: true);
        Assert.Equal(0, result.ErrorCount);

        var committed = File.ReadAllText(Path.Combine(Repository.Docs, "coverage.md"));
        var text = CoverageReport.Write(result.Files.Select(f => f.Record!));
        Assert.True(committed == text, $"docs/coverage.md is stale: run `dotnet run --project dataset/Transparency.Dataset -- coverage`\n{Snapshot.Diff(committed, text)}");
    }

    [Fact]
    public void EveryVerbIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Docs, "dataset-compiler.md"));
        var help = CompilerCli.Run("--help").Output;

        foreach (var verb in new[] { "validate", "build", "schema", "docs", "coverage", "release", "diff" })
        {
            Assert.Contains($"  {verb}", help, StringComparison.Ordinal);
            Assert.Contains($"## `{verb}", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDataFileNamesItsJsonSchema()
    {
        var files = Directory.EnumerateFiles(Repository.Dataset, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.All(files, file => Assert.StartsWith("# yaml-language-server: $schema=../schema/", File.ReadAllText(file), StringComparison.Ordinal));
    }
}
