using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Api.Tests.Support;
using Transparency.Dataset.Cli;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>Two releases of a tree with git history, the second served with its releases index beside it.</summary>
public sealed class ReleasedApiFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "transparency-api-tests", $"released-{Guid.NewGuid():N}");

    public ReleasedApiFactory()
    {
        var tree = Path.Combine(_root, "tree");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid"), tree);
        GitRepository.Run(tree, null, "init", "-q");
        GitRepository.Run(tree, null, "add", ".");
        GitRepository.Run(tree, "2024-01-02T03:04:05Z", "commit", "-q", "-m", "first");
        Release(tree, "1.0.0", "none", Path.Combine(_root, "1.0.0"));

        var beta = Path.Combine(tree, "operations", "operation-beta.yaml");
        File.WriteAllText(beta, File.ReadAllText(beta).Replace("count: 284", "count: 285", StringComparison.Ordinal));
        GitRepository.Run(tree, "2025-06-07T08:09:10Z", "commit", "-q", "-am", "second");
        Release(tree, "1.1.0", Path.Combine(_root, "1.0.0", "transparency-1.0.0.db"), Path.Combine(_root, "1.1.0"));
        DatabasePath = Path.Combine(_root, "1.1.0", "transparency-1.1.0.db");
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Dataset:Path", DatabasePath);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Release(string tree, string version, string previous, string folder)
    {
        using var output = new StringWriter();
        var exit = CommandLine.Run(["release", "--dataset", tree, "--version", version, "--previous", previous, "--out", folder], output, output);
        if (exit != 0)
        {
            throw new InvalidOperationException(output.ToString());
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

public sealed class ChangesTests(ReleasedApiFactory factory) : IClassFixture<ReleasedApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheDatasetListsItsReleases()
    {
        var dataset = await (await _client.GetAsync("/v1/dataset")).Json();

        Assert.Equal("1.1.0", dataset.GetProperty("dataVersion").GetString());
        Assert.Equal(["1.0.0", "1.1.0"], dataset.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("version").GetString()));
    }

    [Theory]
    [InlineData("1.0.0", new[] { "operation-beta" })]
    [InlineData("2025-01-01", new[] { "operation-beta" })]
    [InlineData("2023-12-31", new[] { "operation-alpha", "operation-beta", "operation-delta", "operation-gamma" })]
    [InlineData("1.1.0", new string[0])]
    public async Task ChangesSinceAReleaseOrADate(string since, string[] expected)
    {
        var changes = await (await _client.GetAsync($"/v1/changes?since={since}")).Json();

        Assert.Equal(expected, changes.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task ChangesSayWhatKindOfChange()
    {
        var early = await (await _client.GetAsync("/v1/changes?since=2023-12-31")).Json();
        var kinds = early.GetProperty("operations").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("change").GetString());

        Assert.Equal("added", kinds["operation-alpha"]);
        Assert.Equal("withdrawn", kinds["operation-delta"]);
        Assert.Equal("merged", kinds["operation-gamma"]);
        var late = await (await _client.GetAsync("/v1/changes?since=1.0.0")).Json();
        Assert.Equal("changed", late.GetProperty("operations")[0].GetProperty("change").GetString());
        Assert.Equal("1.0.0", late.GetProperty("sinceVersion").GetString());
    }

    [Theory]
    [InlineData("/v1/changes")]
    [InlineData("/v1/changes?since=yesterday")]
    [InlineData("/v1/changes?since=2025-01-01&until=2026")]
    public async Task BadSinceIsAProblemListingTheReleases(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GraphQLServesTheSameChanges()
    {
        var response = await _client.PostAsJsonAsync("/graphql", new { query = """{ changes(since: "1.0.0") { sinceVersion operations { id change } } dataset { releases { version } } }""" });
        var body = await response.Json();

        Assert.Equal("operation-beta", body.GetProperty("data").GetProperty("changes").GetProperty("operations")[0].GetProperty("id").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("dataset").GetProperty("releases").GetArrayLength());
    }
}
