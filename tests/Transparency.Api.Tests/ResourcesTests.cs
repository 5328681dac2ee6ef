using System.Net;
using Transparency.Api.Tests.Support;
using Transparency.Dataset.Tests.Support;

namespace Transparency.Api.Tests;

public sealed class ResourcesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ActorsListTheirOperations()
    {
        var actors = await (await _client.GetAsync("/v1/actors")).Json();
        var agency = await (await _client.GetAsync("/v1/actors/example-agency")).Json();

        Assert.Equal(["example-agency", "ministry-of-examples"], actors.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(1, actors[0].GetProperty("operationCount").GetInt64());
        Assert.Equal("ministry-of-examples", agency.GetProperty("parent").GetString());
        Assert.Equal("operation-alpha", agency.GetProperty("operations")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/v1/actors/nobody")).StatusCode);
    }

    [Fact]
    public async Task VocabulariesCountWhatUsesThem()
    {
        var platforms = await (await _client.GetAsync("/v1/platforms")).Json();
        var x = platforms.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "x");
        var topics = await (await _client.GetAsync("/v1/topics")).Json();
        var organisations = await (await _client.GetAsync("/v1/organisations")).Json();

        Assert.Equal("Twitter", x.GetProperty("formerNames")[0].GetString());
        Assert.Equal(2, x.GetProperty("operationCount").GetInt64());
        Assert.Equal(2, topics.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "elections").GetProperty("operationCount").GetInt64());
        Assert.Equal(1, organisations.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "meta").GetProperty("disclosureCount").GetInt64());
    }

    [Fact]
    public async Task DatasetDescribesTheServedFile()
    {
        var dataset = await (await _client.GetAsync("/v1/dataset")).Json();

        Assert.Equal("1.2.3-test", dataset.GetProperty("dataVersion").GetString());
        Assert.Equal(4, dataset.GetProperty("counts").GetProperty("operations").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(factory.DatabasePath))), dataset.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task UnknownParametersAreRefusedEverywhere()
    {
        foreach (var path in new[] { "/v1/platforms?x=1", "/v1/actors?kind=government", "/v1/operations/operation-alpha?expand=all" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task OpenApiDocumentMatchesItsSnapshot()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Snapshot.Match(await response.Content.ReadAsStringAsync(), "openapi", "json");
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        var response = await _client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
