using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Dataset.Tests;

public sealed class ReleaseTests : IDisposable
{
    private readonly FixtureTree _tree = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "transparency-tests", $"release-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _tree.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private CliRun Release(string version, string previous, string folder) =>
        CompilerCli.Run("release", "--dataset", _tree.Root, "--version", version, "--previous", previous, "--out", folder);

    [Fact]
    public void ReleasingTwiceGivesByteIdenticalFiles()
    {
        Assert.Equal(0, Release("1.0.0", "none", Path.Combine(_folder, "a")).ExitCode);
        Assert.Equal(0, Release("1.0.0", "none", Path.Combine(_folder, "b")).ExitCode);

        var first = Files(Path.Combine(_folder, "a"));
        var second = Files(Path.Combine(_folder, "b"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, file => Assert.True(file.Value == second[file.Key], $"{file.Key} differs between two releases of the same tree"));
        Assert.Contains("transparency-1.0.0.db", first.Keys);
        Assert.Contains("csv/operations_flat.csv", first.Keys);
    }

    [Fact]
    public void EveryFileOfTheDataPackageMatchesItsRecordedHash()
    {
        var folder = Path.Combine(_folder, "a");
        Release("1.0.0", "none", folder);

        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "datapackage.json")))!;
        var resources = package["resources"]!.AsArray();
        Assert.True(resources.Count > 20);
        foreach (var resource in resources)
        {
            var path = Path.Combine(folder, (string)resource!["path"]!);
            Assert.Equal((long)resource["bytes"]!, new FileInfo(path).Length);
            Assert.Equal((string)resource["hash"]!, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }
        var checksum = File.ReadAllText(Path.Combine(folder, "transparency-1.0.0.db.sha256")).Split("  ");
        Assert.Equal(checksum[0], Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "transparency-1.0.0.db")))));
    }

    [Fact]
    public void ASecondReleaseCarriesTheDeltaAgainstTheFirst()
    {
        var first = Path.Combine(_folder, "1.0.0");
        var second = Path.Combine(_folder, "1.1.0");
        Release("1.0.0", "none", first);
        Edit("operations/operation-beta.yaml", "count: 284", "count: 285");
        File.Copy(_tree.PathOf("operations/operation-beta.yaml"), _tree.PathOf("operations/operation-epsilon.yaml"));
        Edit("operations/operation-epsilon.yaml", "id: operation-beta", "id: operation-epsilon");
        Edit("operations/operation-alpha.yaml", "  - { operation: operation-beta, relation: overlaps, source: lab-2021 }\n", "");
        Edit("operations/operation-beta.yaml", "name: Operation Beta\n", "name: Operation Beta\nstatus: withdrawn\nretired: { date: 2026-01, reason: A test withdrawal. }\n");

        var run = Release("1.1.0", Path.Combine(first, "transparency-1.0.0.db"), second);

        Assert.Equal(0, run.ExitCode);
        var delta = JsonNode.Parse(File.ReadAllText(Path.Combine(second, "delta.json")))!;
        Assert.Equal("1.0.0", (string?)delta["fromVersion"]);
        Assert.Equal(["operation-epsilon"], delta["added"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["operation-beta"], delta["withdrawn"]!.AsArray().Select(n => (string)n!));
        var changed = delta["changed"]!.AsArray().Single()!;
        Assert.Equal("operation-alpha", (string?)changed["id"]);
        Assert.Equal(["related"], changed["fields"]!.AsArray().Select(n => (string)n!));
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(second, "index.json")))!["releases"]!.AsArray();
        Assert.Equal(["1.0.0", "1.1.0"], index.Select(r => (string)r!["version"]!));
        Assert.Contains("### Added (1)", File.ReadAllText(Path.Combine(second, "CHANGELOG-1.1.0.md")), StringComparison.Ordinal);

        var diff = CompilerCli.Run("diff", Path.Combine(first, "transparency-1.0.0.db"), Path.Combine(second, "transparency-1.1.0.db"));
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("Operation Alpha (`operation-alpha`): related", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyDeltaIsStillWritten()
    {
        var first = Path.Combine(_folder, "1.0.0");
        Release("1.0.0", "none", first);

        Release("1.0.1", Path.Combine(first, "transparency-1.0.0.db"), Path.Combine(_folder, "1.0.1"));

        var delta = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "1.0.1", "delta.json")))!;
        Assert.Empty(delta["added"]!.AsArray());
        Assert.Empty(delta["changed"]!.AsArray());
        Assert.Contains("No changes", File.ReadAllText(Path.Combine(_folder, "1.0.1", "CHANGELOG-1.0.1.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ApplyingTheDeltaToTheOldRecordsGivesTheNewOnes(int seed)
    {
        var random = new Random(seed);
        var first = Path.Combine(_folder, "old");
        Release("1.0.0", "none", first);
        var oldRecords = Records(Path.Combine(first, "operations.jsonl"));

        // Random edits as contributors make them: new records, changed figures and names, withdrawals.
        var ids = new[] { "operation-alpha", "operation-beta" };
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            var id = $"operation-new-{seed}-{i}";
            File.Copy(_tree.PathOf("operations/operation-beta.yaml"), _tree.PathOf($"operations/{id}.yaml"));
            Edit($"operations/{id}.yaml", "id: operation-beta", $"id: {id}");
        }
        foreach (var id in ids.Where(_ => random.Next(2) == 0))
        {
            Edit($"operations/{id}.yaml", "count: ", $"count: {random.Next(1, 9)}");
        }
        if (random.Next(2) == 0)
        {
            Edit("operations/operation-alpha.yaml", "name: Operation Alpha", $"name: Operation Alpha {seed}");
        }
        if (random.Next(2) == 0)
        {
            Edit("operations/operation-beta.yaml", "name: Operation Beta\n", "name: Operation Beta\nstatus: withdrawn\nretired: { date: 2026-01, reason: A test withdrawal. }\n");
        }
        var second = Path.Combine(_folder, "new");
        Assert.Equal(0, Release("1.1.0", Path.Combine(first, "transparency-1.0.0.db"), second).ExitCode);
        var newRecords = Records(Path.Combine(second, "operations.jsonl"));
        var delta = JsonNode.Parse(File.ReadAllText(Path.Combine(second, "delta.json")))!;

        // Apply: start from the old active records, drop withdrawn and merged, add added, and take the
        // changed fields (only those) from the new records.
        var applied = oldRecords.Where(r => (string?)r.Value["status"] == "active").ToDictionary(r => r.Key, r => r.Value.DeepClone().AsObject());
        foreach (var id in delta["withdrawn"]!.AsArray().Select(n => (string)n!).Concat(delta["merged"]!.AsArray().Select(n => (string)n!["id"]!)))
        {
            applied.Remove(id);
        }
        foreach (var id in delta["added"]!.AsArray().Select(n => (string)n!))
        {
            applied[id] = newRecords[id].DeepClone().AsObject();
        }
        foreach (var change in delta["changed"]!.AsArray())
        {
            foreach (var field in change!["fields"]!.AsArray().Select(n => (string)n!))
            {
                applied[(string)change["id"]!][field] = newRecords[(string)change["id"]!][field]?.DeepClone();
            }
        }
        var expected = newRecords.Where(r => (string?)r.Value["status"] == "active").ToDictionary(r => r.Key, r => r.Value);
        Assert.Equal(expected.Keys.Order(), applied.Keys.Order());
        Assert.All(expected, record => Assert.True(JsonNode.DeepEquals(record.Value, applied[record.Key]), $"{record.Key} differs after applying the delta"));
    }

    private void Edit(string relative, string from, string to)
    {
        var path = _tree.PathOf(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        File.WriteAllText(path, text[..index] + to + text[(index + from.Length)..]);
    }

    private static Dictionary<string, JsonObject> Records(string jsonl) =>
        File.ReadAllLines(jsonl).Select(line => JsonNode.Parse(line)!.AsObject()).ToDictionary(r => (string)r["id"]!, r => r);

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
