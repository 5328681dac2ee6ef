using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>Aggregates checked against SQL written independently here and run on the served SQLite file (the shipped dataset, so the numbers are real).</summary>
public sealed class AggregatesTests(ShippedApiFactory factory) : IClassFixture<ShippedApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string CountedAccounts = """
        FROM platform_actions pa
        JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
        JOIN operations o ON o.id = pa.operation_id AND o.status = 'active'
        WHERE pa.counts_in_totals = 1 AND pa.asset_kind_id = 'account'
        """;

    [Fact]
    public async Task WithoutGroupingTheCellIsTheSumOfEveryOperationsTotals()
    {
        var cell = (await Get("/v1/aggregates")).GetProperty("cells").EnumerateArray().Single();
        var (accounts, assets, operations) = Sql<(long, long, long)>(
            "SELECT sum(accounts_removed), sum(assets_removed), (SELECT count(DISTINCT operation_id) FROM disclosures d JOIN operations o ON o.id = d.operation_id AND o.status = 'active') FROM operations WHERE status = 'active'").Single();

        Assert.Equal(accounts, cell.GetProperty("accountsRemoved").GetInt64());
        Assert.Equal(assets, cell.GetProperty("assetsRemoved").GetInt64());
        Assert.Equal(operations, cell.GetProperty("operations").GetInt64());
    }

    [Fact]
    public async Task AccountsRemovedPerPlatformPerYearMatchSql()
    {
        var cells = (await Get("/v1/aggregates?by=platform,year")).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("accountsRemoved").GetInt64() > 0)
            .ToDictionary(c => (c.GetProperty("platform").GetString()!, c.GetProperty("year").GetString()!), c => c.GetProperty("accountsRemoved").GetInt64());
        var expected = Sql<(string Platform, string Year, long Accounts)>($"SELECT pa.platform_id, substr(d.date_start, 1, 4), sum(pa.count) {CountedAccounts} GROUP BY 1, 2")
            .ToDictionary(r => (r.Platform, r.Year), r => r.Accounts);

        Assert.True(expected.Count > 5);
        Assert.Equal(expected.OrderBy(e => e.Key), cells.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task NetworksPerDiscloserPerYearMatchSql()
    {
        var cells = (await Get("/v1/aggregates?by=discloser,year")).GetProperty("cells").EnumerateArray()
            .ToDictionary(c => (c.GetProperty("discloser").GetString()!, c.GetProperty("year").GetString()!), c => c.GetProperty("disclosures").GetInt64());
        var expected = Sql<(string Discloser, string Year, long Disclosures)>("""
            SELECT d.organisation_id, substr(d.date_start, 1, 4), count(*) FROM disclosures d JOIN operations o ON o.id = d.operation_id AND o.status = 'active' GROUP BY 1, 2
            """).ToDictionary(r => (r.Discloser, r.Year), r => r.Disclosures);

        Assert.Equal(expected.OrderBy(e => e.Key), cells.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task AccountsPerOriginCountEachOperationUnderEachOfItsCountries()
    {
        var cells = (await Get("/v1/aggregates?by=origin&platform=facebook")).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("origin").ValueKind == JsonValueKind.String)
            .ToDictionary(c => c.GetProperty("origin").GetString()!, c => (c.GetProperty("accountsRemoved").GetInt64(), c.GetProperty("operations").GetInt64()));
        var expected = Sql<(string Country, long Accounts, long Operations)>("""
            SELECT oc.country, sum(o.accounts_removed), count(*) FROM operations o JOIN operation_countries oc ON oc.operation_id = o.id AND oc.role = 'origin'
            WHERE o.status = 'active' AND EXISTS (SELECT 1 FROM operation_platforms p WHERE p.operation_id = o.id AND p.platform_id = 'facebook') GROUP BY 1
            """).ToDictionary(r => r.Country, r => (r.Accounts, r.Operations));

        Assert.Equal(expected.OrderBy(e => e.Key), cells.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task DateFiltersChooseTheDisclosuresWhoseFiguresAreSummed()
    {
        var aggregate = (await Get("/v1/aggregates?by=year&from=2019&to=2019")).GetProperty("cells").EnumerateArray().ToList();
        var stats = await Get("/v1/stats?from=2019&to=2019");
        var expected = Sql<long>($"SELECT sum(pa.count) {CountedAccounts} AND d.date_start <= '2019-12-31' AND d.date_end >= '2019-01-01'").Single();
        var allYears = Sql<long>("SELECT sum(o.accounts_removed) FROM operations o WHERE o.status = 'active' AND EXISTS (SELECT 1 FROM disclosures d WHERE d.operation_id = o.id AND d.date_start LIKE '2019%')").Single();

        Assert.Equal("2019", Assert.Single(aggregate).GetProperty("year").GetString());
        Assert.Equal(expected, aggregate[0].GetProperty("accountsRemoved").GetInt64());
        Assert.Equal([("2019", expected)], stats.GetProperty("accountsRemovedByYear").EnumerateArray().Select(f => (f.GetProperty("key").GetString(), f.GetProperty("count").GetInt64())));
        Assert.Equal(expected, stats.GetProperty("accountsRemovedByPlatform").EnumerateArray().Sum(f => f.GetProperty("count").GetInt64()));
        Assert.True(allYears > expected, "the operations disclosed in 2019 also have figures from other years, which must not be summed");
    }

    [Fact]
    public async Task CsvHasTheSameCellsAsJson()
    {
        var json = (await Get("/v1/aggregates?by=platform,asset&origin=IR")).GetProperty("cells").EnumerateArray().ToList();
        var response = await _client.GetAsync("/v1/aggregates?by=platform,asset&origin=IR&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("platform,asset,accounts_removed,assets_removed,followers,operations,disclosures", lines[0]);
        Assert.Equal(json.Select(c => $"{c.GetProperty("platform").GetString()},{c.GetProperty("asset").GetString()},{c.GetProperty("accountsRemoved")},{c.GetProperty("assetsRemoved")},{c.GetProperty("followers")},{c.GetProperty("operations")},{c.GetProperty("disclosures")}"), lines[1..]);
    }

    [Fact]
    public async Task GraphQLGivesTheSameCells()
    {
        var rest = (await Get("/v1/aggregates?by=discloser,year&origin=RU")).GetProperty("cells");
        var response = await _client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new
        {
            query = """{ aggregates(by: [DISCLOSER, YEAR], filter: {origin: ["RU"]}) { cells { platform asset discloser origin year accountsRemoved assetsRemoved followers operations disclosures } } }""",
        }), System.Text.Encoding.UTF8, "application/json"));
        var graphql = (await response.Json()).GetProperty("data").GetProperty("aggregates").GetProperty("cells");

        Assert.Equal(rest.ToString(), graphql.ToString());
    }

    [Theory]
    [InlineData("by=country", "'country' is not a valid by")]
    [InlineData("by=year,year", "'by' names a grouping twice")]
    public async Task BadGroupingsAreProblems(string query, string detail)
    {
        var response = await _client.GetAsync($"/v1/aggregates?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> Get(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    private List<T> Sql<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        return [.. connection.Query<T>(sql)];
    }
}
