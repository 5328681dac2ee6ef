using System.Globalization;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

/// <summary>
/// Lists are answered from an index the API keeps in memory; what each filter and order means is written here once
/// more, as SQL over the shipped database, and random queries must page through exactly what that SQL returns, in
/// the same order, with the same totalCount. A failing case prints the seed that reproduces it.
/// </summary>
public sealed class ListOracleTests : IClassFixture<ShippedApiFactory>, IDisposable
{
    private readonly HttpClient _client;
    private readonly SqliteConnection _database;

    public ListOracleTests(ShippedApiFactory factory)
    {
        // Every page is a request: lift the rate limiter for this class.
        _client = factory.WithWebHostBuilder(b => b.UseSetting("Http:RequestsPerWindow", "1000000")).CreateClient();
        _database = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        _database.Open();
        _lists = FilterValues.Of(_database);
    }

    private readonly Dictionary<string, string[]> _lists;

    private static readonly string[] Words = ["network", "election", "russia", "china", "accounts", "pages", "iran", "news", "military", "hong kong", "Hong Kong", "hong kong election", "russia russia", "network of accounts", "--", "zzyzzyx", "spamouflage", "SPAMOUFLAGE", "Doppelganger", "troll", "covid"];
    private static readonly string[] DateFilters = ["from", "to", "activeFrom", "activeTo"];
    private static readonly string[] Thresholded = ["minAccounts", "minFollowers"];
    private static readonly long[] Thresholds = [0, 1, 10, 50, 100, 500, 1_000, 10_000, 100_000, 1_000_000];
    private static readonly string[] Sorts = ["name", "-name", "firstSeen", "-firstSeen", "lastDisclosed", "-lastDisclosed", "accountsRemoved", "-accountsRemoved", "followers", "-followers"];

    /// <summary>A random valid query: each filter given one time in four (so that most queries still match something), a random order and page size.</summary>
    private Dictionary<string, string?> Draw(Random random)
    {
        var query = new Dictionary<string, string?>();
        bool Given() => random.Next(4) == 0;
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        string Date() => random.Next(3) switch
        {
            0 => $"{random.Next(2015, 2028)}",
            1 => $"{random.Next(2015, 2028)}-{random.Next(1, 13):00}",
            _ => $"{random.Next(2015, 2028)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        };
        foreach (var (name, values) in _lists.Where(_ => Given()))
        {
            query[name] = string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(values)).Distinct());
        }
        foreach (var name in DateFilters.Where(_ => Given()))
        {
            query[name] = Date();
        }
        foreach (var name in Thresholded.Where(_ => Given()))
        {
            query[name] = Pick(Thresholds).ToString(CultureInfo.InvariantCulture);
        }
        if (Given())
        {
            query["q"] = Pick(Words);
        }
        if (random.Next(5) > 0)
        {
            query["sort"] = query.ContainsKey("q") && random.Next(3) == 0 ? "relevance" : Pick(Sorts);
        }
        query["limit"] = random.Next(1, 101).ToString(CultureInfo.InvariantCulture);
        return query;
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EveryPageOfARandomQueryIsWhatSqlAnswers()
    {
        await Gen.Int.SampleAsync(async seed =>
        {
            var query = Draw(new Random(seed));
            var expected = Expected(query);
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var url = QueryHelpers.AddQueryString("/v1/operations", cursor is null ? query : new Dictionary<string, string?>(query) { ["cursor"] = cursor });
                var response = await _client.GetAsync(url);
                var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.True(response.IsSuccessStatusCode, $"{url}: {page}");
                Assert.Equal(expected.Count, page.GetProperty("totalCount").GetInt64());
                seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
                cursor = page.GetProperty("nextCursor").GetString();
                Assert.True(seen.Count <= expected.Count, $"{url} pages past the {expected.Count} matches");
            }
            while (cursor is not null);
            Assert.Equal(expected, seen);
        }, iter: 120, threads: 1);
    }

    /// <summary>
    /// A cursor made by hand (the API's format is documented as opaque, but nothing stops a client): of the right kind
    /// for its order, it pages from wherever its value and id fall, as SQL would; of the wrong kind, it is a 400.
    /// </summary>
    [Fact]
    public async Task AHandMadeCursorPagesAsSqlOrIsRefused()
    {
        var ids = Column("SELECT id FROM operations WHERE status = 'active' ORDER BY id");
        var names = Column("SELECT name FROM operations WHERE status = 'active' ORDER BY name");
        await Gen.Int.SampleAsync(async seed =>
        {
            var random = new Random(seed);
            var sort = Sorts[random.Next(Sorts.Length)];
            var numeric = sort.TrimStart('-') is "accountsRemoved" or "followers";
            object value = random.Next(4) switch
            {
                0 => numeric ? (long)random.Next(-1, 100_000) : names[random.Next(names.Length)],
                1 => numeric ? (object)"a text" : random.Next(1000),
                2 => numeric ? (long)random.Next(0, 10) : $"{random.Next(2015, 2027)}-{random.Next(1, 13):00}-01",
                _ => numeric ? long.MaxValue : new string((char)random.Next(32, 127), random.Next(0, 3)),
            };
            var id = random.Next(3) == 0 ? "m" + random.Next(1000) : ids[random.Next(ids.Length)];
            var cursor = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["s"] = sort, ["v"] = value, ["i"] = id }));
            var query = new Dictionary<string, string?> { ["sort"] = sort, ["limit"] = "100" };
            var response = await _client.GetAsync(QueryHelpers.AddQueryString("/v1/operations", new Dictionary<string, string?>(query) { ["cursor"] = cursor }));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var suits = numeric ? value is long : value is string;
            if (!suits)
            {
                Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
                return;
            }
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            var expected = Expected(query, (value, id)).Take(100);
            Assert.Equal(expected, body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }, iter: 200, threads: 1);
    }

    private string[] Column(string sql) => FilterValues.Column(_database, sql);

    /// <summary>The ids a query selects, in its order, by SQL written from the documentation of each filter and order.</summary>
    private List<string> Expected(Dictionary<string, string?> query, (object Value, string Id)? after = null)
    {
        var where = new List<string> { "o.status = 'active'" };
        using var command = new SqliteCommand { Connection = _database };
        var from = "operations o";
        void In(string name, string condition)
        {
            if (query.TryGetValue(name, out var value))
            {
                var names = value!.Split(',').Select((v, i) => { command.Parameters.AddWithValue($"@{name}{i}", v); return $"@{name}{i}"; });
                where.Add(string.Format(CultureInfo.InvariantCulture, condition, string.Join(", ", names)));
            }
        }
        In("actor", "o.id IN (SELECT operation_id FROM attributions WHERE actor_id IN ({0}))");
        In("origin", "o.id IN (SELECT operation_id FROM operation_countries WHERE role = 'origin' AND country IN ({0}))");
        In("target", "o.id IN (SELECT operation_id FROM operation_countries WHERE role = 'target' AND country IN ({0}))");
        In("platform", "o.id IN (SELECT operation_id FROM operation_platforms WHERE platform_id IN ({0}))");
        In("disclosedBy", "o.id IN (SELECT operation_id FROM disclosures WHERE organisation_id IN ({0}))");
        In("topic", "o.id IN (SELECT operation_id FROM operation_topics WHERE topic_id IN ({0}))");
        // A partial date stands for its first day as a lower bound and its last day as an upper bound.
        string Day(string name, bool end)
        {
            var text = query[name]!;
            var parts = text.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var day = parts.Length switch
            {
                1 => end ? new DateOnly(parts[0], 12, 31) : new DateOnly(parts[0], 1, 1),
                2 => end ? new DateOnly(parts[0], parts[1], DateTime.DaysInMonth(parts[0], parts[1])) : new DateOnly(parts[0], parts[1], 1),
                _ => new DateOnly(parts[0], parts[1], parts[2]),
            };
            command.Parameters.AddWithValue($"@{name}", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return $"@{name}";
        }
        var disclosed = new List<string>();
        if (query.ContainsKey("from"))
        {
            disclosed.Add($"d.date_end >= {Day("from", false)}");
        }
        if (query.ContainsKey("to"))
        {
            disclosed.Add($"d.date_start <= {Day("to", true)}");
        }
        if (disclosed.Count > 0)
        {
            where.Add($"o.id IN (SELECT operation_id FROM disclosures d WHERE {string.Join(" AND ", disclosed)})");
        }
        if (query.ContainsKey("activeFrom"))
        {
            where.Add($"(o.last_seen_end >= {Day("activeFrom", false)} OR (o.last_seen_end IS NULL AND o.first_seen_start IS NOT NULL))");
        }
        if (query.ContainsKey("activeTo"))
        {
            where.Add($"o.first_seen_start <= {Day("activeTo", true)}");
        }
        foreach (var (name, column) in new[] { ("minAccounts", "accounts_removed"), ("minFollowers", "max_followers") })
        {
            if (query.TryGetValue(name, out var value))
            {
                where.Add($"o.{column} >= @{name}");
                command.Parameters.AddWithValue($"@{name}", long.Parse(value!, CultureInfo.InvariantCulture));
            }
        }
        if (query.TryGetValue("q", out var q))
        {
            // Every word, the last as a prefix; an exact name or alias first, then bm25 (name 10, aliases 8, summary 1).
            var words = q!.Split(' ');
            command.Parameters.AddWithValue("@match", string.Join(" ", words[..^1].Select(w => $"\"{w}\"").Append($"\"{words[^1]}\"*")));
            command.Parameters.AddWithValue("@exact", q);
            from = """
                operations o JOIN (
                    SELECT f.operation_id, bm25(operations_fts, 0.0, 10.0, 8.0, 1.0)
                        - CASE WHEN EXISTS (SELECT 1 FROM operations e WHERE e.id = f.operation_id AND e.name = @exact COLLATE NOCASE)
                                 OR EXISTS (SELECT 1 FROM operation_aliases e WHERE e.operation_id = f.operation_id AND e.name = @exact COLLATE NOCASE)
                               THEN 1000000.0 ELSE 0.0 END AS score
                    FROM operations_fts f WHERE operations_fts MATCH @match) m ON m.operation_id = o.id
                """;
        }
        var sort = query.GetValueOrDefault("sort") ?? (q is null ? "name" : "relevance");
        var direction = sort.StartsWith('-') ? "DESC" : "ASC";
        var key = sort.TrimStart('-') switch
        {
            "name" => "o.name COLLATE NOCASE",
            "firstSeen" => "COALESCE(o.first_seen_start, '')",
            "lastDisclosed" => "COALESCE(o.last_disclosed, '')",
            "accountsRemoved" => "COALESCE(o.accounts_removed, -1)",
            "followers" => "COALESCE(o.max_followers, -1)",
            _ => "m.score",
        };
        if (after is { } cursor)
        {
            var comparison = direction == "DESC" ? "<" : ">";
            where.Add($"({key} {comparison} @afterValue OR ({key} = @afterValue AND o.id {comparison} @afterId))");
            command.Parameters.AddWithValue("@afterValue", cursor.Value);
            command.Parameters.AddWithValue("@afterId", cursor.Id);
        }
        command.CommandText = $"SELECT o.id FROM {from} WHERE {string.Join(" AND ", where)} ORDER BY {key} {direction}, o.id {direction}";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
