using System.Collections.Frozen;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Transparency.Api.Dataset;
using Transparency.Api.Query;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Transparency.Api.Operations;

/// <summary>
/// Every SQL read of operations. The served file never changes while the process runs, so every record is read
/// once, at start-up, with one statement per table, and kept (its JSON made on first use, see <see cref="OperationJson"/>).
/// Lists are answered from <see cref="OperationIndex"/>, made at start-up too, with each searched word's FTS5 matches
/// kept once asked for; the SQL meaning of every filter (<see cref="Where"/>) serves aggregates and stats, and is what
/// the index is tested against. The WHERE clause holds only the filters given: SQLite cannot use an index behind
/// <c>@p IS NULL OR …</c>.
/// </summary>
public sealed class OperationQueries : IDisposable
{
    private readonly DatasetFile _dataset;
    private readonly FrozenDictionary<string, (OperationSummary Summary, OperationDetail Detail)> _active;
    private readonly FrozenDictionary<string, Tombstone> _statuses;
    private readonly OperationIndex _index;

    public OperationQueries(DatasetFile dataset, OperationJson json, IOptions<JsonOptions> apiJson, ILogger<OperationQueries> logger)
    {
        _dataset = dataset;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The list index reads its own columns on a connection of its own, beside the records and their JSON.
        var index = Task.Run(() =>
        {
            using var connection = dataset.OpenConnection();
            var index = new OperationIndex(connection);
            return (index, Statuses(connection), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        });
        using (var connection = dataset.OpenConnection())
        {
            _active = ReadAll(connection).ToFrozenDictionary(StringComparer.Ordinal);
        }
        var read = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        foreach (var (summary, detail) in _active.Values)
        {
            json.Keep(summary, apiJson);
            json.Keep(detail, apiJson);
        }
        (_index, _statuses, var indexed) = index.GetAwaiter().GetResult();
        logger.LogInformation("Read {Count} operations in {Read:0} ms, and made the list index beside them in {Index:0} ms",
            _active.Count, read.TotalMilliseconds, indexed.TotalMilliseconds);
    }

    private static FrozenDictionary<string, Tombstone> Statuses(SqliteConnection connection) =>
        connection.Query<(string Id, string Status, string? MergedInto, string? RetiredOn, string? RetiredReason)>(
                "SELECT id, status, merged_into, retired_on, retired_reason FROM operations")
            .ToFrozenDictionary(r => r.Id, r => new Tombstone(r.Status, r.MergedInto, r.RetiredOn, r.RetiredReason), StringComparer.Ordinal);

    /// <summary>One active operation as it appears in lists; null when there is none.</summary>
    public OperationSummary? Find(string id) => _active.TryGetValue(id, out var record) ? record.Summary : null;

    /// <summary>The status of an id: null when it never existed.</summary>
    public Tombstone? Status(string id) => _statuses.GetValueOrDefault(id);

    /// <summary>One active operation's whole record; null when there is none.</summary>
    public OperationDetail? Get(string id) => _active.TryGetValue(id, out var record) ? record.Detail : null;

    /// <summary>A page of operations, each with the cursor of its own row (made from the row's sort value), and how many match in all.</summary>
    public OperationRows List(OperationFilter filter, OperationSort sort, int limit, OperationCursor? after)
    {
        var selection = _index.Select(filter, ranked: sort.Name == "relevance", Word);
        var (rows, hasMore) = _index.Page(selection, sort, limit, after);
        return new OperationRows([.. rows.Select(r => _active[r.Id].Summary)], rows, sort.Name, hasMore, selection.Count);
    }

    /// <summary>Every operation matching the filter, in the given order, for CSV export.</summary>
    public IEnumerable<OperationSummary> All(OperationFilter filter, OperationSort sort)
    {
        string? cursor = null;
        do
        {
            var page = List(filter, sort, 100, cursor is null ? null : OperationCursor.Decode(cursor));
            foreach (var item in page.Items)
            {
                yield return item;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>
    /// Every active operation's summary and whole record, read with one statement per table whatever the number of
    /// operations (a few hundred milliseconds for 10,000), so that no request ever assembles a record.
    /// </summary>
    private static Dictionary<string, (OperationSummary Summary, OperationDetail Detail)> ReadAll(SqliteConnection connection)
    {
        using var results = connection.QueryMultiple("""
            SELECT id, name, status, summary, domestic, first_seen AS FirstSeen, last_seen AS LastSeen, activity_source_id AS ActivitySource,
                   first_disclosed AS FirstDisclosed, last_disclosed AS LastDisclosed,
                   accounts_removed AS AccountsRemoved, assets_removed AS AssetsRemoved, max_followers AS MaxFollowers, published, modified
            FROM operations WHERE status = 'active';
            SELECT 'aliases', operation_id, name FROM operation_aliases
            UNION ALL SELECT role, operation_id, country FROM operation_countries
            UNION ALL SELECT 'platforms', operation_id, platform_id FROM operation_platforms
            UNION ALL SELECT DISTINCT 'disclosedBy', operation_id, organisation_id FROM disclosures
            ORDER BY 1, 2, 3;
            SELECT operation_id AS OperationId, name, organisation_id AS Organisation, source_id AS Source FROM operation_aliases ORDER BY operation_id, ordinal;
            SELECT operation_id, role, country FROM operation_countries ORDER BY operation_id, role, country;
            SELECT operation_id, language FROM operation_languages ORDER BY operation_id, language;
            SELECT operation_id, audience FROM operation_audiences ORDER BY operation_id, audience;
            SELECT operation_id, topic_id FROM operation_topics ORDER BY operation_id, topic_id;
            SELECT operation_id, technique FROM operation_tactics ORDER BY operation_id, technique;
            SELECT operation_id, platform_id FROM operation_platforms ORDER BY operation_id, platform_id;
            SELECT a.operation_id AS OperationId, a.actor_id AS ActorId, ac.name AS ActorName, a.country, a.organisation_id AS Organisation, a.date, a.level, a.confidence, a.statement, a.source_id AS Source
            FROM attributions a LEFT JOIN actors ac ON ac.id = a.actor_id ORDER BY a.operation_id, a.ordinal;
            SELECT operation_id AS OperationId, id, organisation_id AS Organisation, date, summary, source_id AS Source FROM disclosures ORDER BY operation_id, ordinal;
            SELECT operation_id, disclosure_id, platform_id FROM disclosure_platforms ORDER BY operation_id, disclosure_id, platform_id;
            SELECT operation_id AS OperationId, disclosure_id AS Disclosure, platform_id AS Platform, asset_kind_id AS Asset, count, qualifier, note, source_id AS Source, counts_in_totals AS CountsInTotals, counting
            FROM platform_actions ORDER BY operation_id, disclosure_id, ordinal;
            SELECT operation_id AS OperationId, disclosure_id AS Disclosure, metric, value, qualifier, platform_id AS Platform, currency, note, source_id AS Source, counts_in_totals AS CountsInTotals, counting
            FROM reach_figures ORDER BY operation_id, disclosure_id, ordinal;
            SELECT operation_id AS OperationId, related_id AS Operation, relation, source_id AS Source FROM related_operations ORDER BY operation_id, related_id, relation;
            SELECT operation_id AS OperationId, id, url, title, publisher, published, kind, original, archive FROM operation_sources ORDER BY operation_id, id;
            """);
        var operations = results.Read<OperationRow>().ToList();
        var lists = results.Read<(string List, string OperationId, string Value)>().ToLookup(l => (l.List, l.OperationId), l => l.Value);
        var aliases = results.Read<AliasRow>().ToLookup(a => a.OperationId);
        var countries = results.Read<(string OperationId, string Role, string Country)>().ToLookup(c => c.OperationId);
        var languages = results.Read<(string OperationId, string Language)>().ToLookup(l => l.OperationId, l => l.Language);
        var audiences = results.Read<(string OperationId, string Audience)>().ToLookup(a => a.OperationId, a => a.Audience);
        var topics = results.Read<(string OperationId, string Topic)>().ToLookup(t => t.OperationId, t => t.Topic);
        var tactics = results.Read<(string OperationId, string Technique)>().ToLookup(t => t.OperationId, t => t.Technique);
        var platforms = results.Read<(string OperationId, string Platform)>().ToLookup(p => p.OperationId, p => p.Platform);
        var attributions = results.Read<AttributionRow>().ToLookup(a => a.OperationId);
        var disclosures = results.Read<DisclosureRow>().ToLookup(d => d.OperationId);
        var disclosurePlatforms = results.Read<(string OperationId, string Disclosure, string Platform)>().ToLookup(p => (p.OperationId, p.Disclosure), p => p.Platform);
        var actions = results.Read<ActionRow>().ToLookup(a => (a.OperationId, a.Disclosure));
        var reach = results.Read<ReachRow>().ToLookup(r => (r.OperationId, r.Disclosure));
        var related = results.Read<RelationRow>().ToLookup(r => r.OperationId);
        var sources = results.Read<SourceRow>().ToLookup(s => s.OperationId);
        return operations.ToDictionary(o => o.Id, o => (new OperationSummary
        {
            Id = o.Id,
            Name = o.Name,
            Summary = o.Summary,
            Aliases = [.. lists[("aliases", o.Id)]],
            Origin = [.. lists[("origin", o.Id)]],
            Targets = [.. lists[("target", o.Id)]],
            Platforms = [.. lists[("platforms", o.Id)]],
            DisclosedBy = [.. lists[("disclosedBy", o.Id)]],
            FirstSeen = o.FirstSeen,
            LastSeen = o.LastSeen,
            FirstDisclosed = o.FirstDisclosed,
            LastDisclosed = o.LastDisclosed,
            AccountsRemoved = o.AccountsRemoved,
            AssetsRemoved = o.AssetsRemoved,
            MaxFollowers = o.MaxFollowers,
            Domestic = o.Domestic,
            Published = o.Published,
            Modified = o.Modified,
        }, new OperationDetail
        {
            Id = o.Id,
            Name = o.Name,
            Status = o.Status,
            Summary = o.Summary,
            Domestic = o.Domestic,
            Aliases = [.. aliases[o.Id].Select(a => new AliasDto(a.Name, a.Organisation, a.Source))],
            Activity = o.FirstSeen is null ? null : new ActivityDto(o.FirstSeen, o.LastSeen, o.ActivitySource),
            Origin = [.. countries[o.Id].Where(c => c.Role == "origin").Select(c => c.Country)],
            Targets = new TargetsDto([.. countries[o.Id].Where(c => c.Role == "target").Select(c => c.Country)], [.. languages[o.Id]], [.. audiences[o.Id]]),
            Topics = [.. topics[o.Id]],
            Tactics = [.. tactics[o.Id]],
            Platforms = [.. platforms[o.Id]],
            Attributions = [.. attributions[o.Id].Select(a => new AttributionDto
            {
                Actor = a.ActorId is null ? null : new ActorRefDto(a.ActorId, a.ActorName ?? a.ActorId),
                Country = a.Country,
                By = a.Organisation,
                Date = a.Date,
                Level = a.Level,
                Confidence = a.Confidence,
                Statement = a.Statement,
                Source = a.Source,
            })],
            Disclosures = [.. disclosures[o.Id].Select(d => new DisclosureDto
            {
                Id = d.Id,
                By = d.Organisation,
                Date = d.Date,
                Summary = d.Summary,
                Source = d.Source,
                Platforms = [.. disclosurePlatforms[(o.Id, d.Id)]],
                Actions = [.. actions[(o.Id, d.Id)].Select(a => new PlatformActionDto(a.Platform, a.Asset, a.Count, a.Qualifier, a.Note, a.Source, a.CountsInTotals, a.Counting))],
                Reach = [.. reach[(o.Id, d.Id)].Select(r => new ReachFigureDto(r.Metric, r.Value, r.Qualifier, r.Platform, r.Currency, r.Note, r.Source, r.CountsInTotals, r.Counting))],
            })],
            Related = [.. related[o.Id].Select(r => new RelationDto(r.Operation, r.Relation, r.Source))],
            Totals = new ReachTotalsDto(o.AccountsRemoved, o.AssetsRemoved, o.MaxFollowers),
            Sources = [.. sources[o.Id].Select(s => new SourceDto(s.Id, s.Url, s.Title, s.Publisher, s.Published, s.Kind, s.Original, s.Archive))],
            Published = o.Published,
            Modified = o.Modified,
        }), StringComparer.Ordinal);
    }

    /// <summary>
    /// What one word of a search (an FTS5 phrase, the last word of a search as a prefix) matches, with each match's bm25
    /// for that word when <paramref name="scored"/>. A word's matches never change while the file is served, so they are
    /// kept once asked for: the postings of an inverted index, made from FTS5 on first use. A search of several words
    /// intersects its words' matches and adds their scores, which is how FTS5's bm25 scores a query of several phrases
    /// (the list oracle test compares both). FTS5 is asked for rows, not operation ids, and for no score unless one is
    /// needed: on 10,000 operations a word in every record took it 10 ms unscored and 27 ms scored.
    /// Bounded by <see cref="KeptWordBytes"/>: when full, it starts again empty.
    /// </summary>
    private OperationIndex.WordMatch Word(string phrase, bool scored)
    {
        var key = SqliteText.FoldAscii(phrase); // FTS5's tokenizer folds case, so Network and network match the same rows
        if (_keptWords.TryGetValue(key, out var kept) && (!scored || kept.Scores is not null))
        {
            return kept;
        }
        var match = _index.MatchOf(Search(phrase, scored), scored);
        if (match.Positions.Length == 0)
        {
            return match; // FTS5 finds nothing quickly, and anyone can make up words: those are not kept
        }
        lock (_keptWords)
        {
            _keptWordBytes += match.Bytes + (2L * key.Length);
            if (_keptWordBytes > KeptWordBytes)
            {
                _keptWords.Clear();
                _keptWordBytes = match.Bytes + (2L * key.Length);
            }
            // An entry with scores serves every search of the word; one without is replaced by one with them.
            _keptWords.AddOrUpdate(key, match, (_, had) => had.Scores is not null ? had : match);
        }
        return match;
    }

    private const long KeptWordBytes = 64L * 1024 * 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OperationIndex.WordMatch> _keptWords = new(StringComparer.Ordinal);
    private long _keptWordBytes;

    /// <summary>The full-text rows matching an FTS5 query, with FTS5's bm25 when <paramref name="ranked"/>: names weighted 10 and aliases 8 against summaries 1 (lower is better).</summary>
    private List<(long Row, double Bm25)> Search(string match, bool ranked)
    {
        var searcher = _searchers.TryTake(out var kept) ? kept : new FullTextSearcher(_dataset.OpenConnection());
        try
        {
            return searcher.Run(match, ranked);
        }
        finally
        {
            // Kept for the next search, up to a few per core; a burst beyond that closes its extra connections (each
            // holds its own page cache).
            if (_searchers.Count < KeptSearchers)
            {
                _searchers.Add(searcher);
            }
            else
            {
                searcher.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_searchers.TryTake(out var searcher))
        {
            searcher.Dispose();
        }
    }

    private static readonly int KeptSearchers = 2 * Environment.ProcessorCount;

    /// <summary>Open connections with the two search statements prepared, one per search running at once, reused.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<FullTextSearcher> _searchers = [];

    private sealed class FullTextSearcher(SqliteConnection connection) : IDisposable
    {
        public void Dispose()
        {
            _ranked.Dispose();
            _unranked.Dispose();
            connection.Dispose();
        }

        private readonly SqliteCommand _ranked = Prepare(connection,
            $"SELECT rowid, {Bm25} FROM operations_fts WHERE operations_fts MATCH $text");
        private readonly SqliteCommand _unranked = Prepare(connection, "SELECT rowid, 0.0 FROM operations_fts WHERE operations_fts MATCH $text");

        private static SqliteCommand Prepare(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$text", SqliteType.Text);
            command.Prepare();
            return command;
        }

        public List<(long Row, double Bm25)> Run(string match, bool ranked)
        {
            var command = ranked ? _ranked : _unranked;
            command.Parameters[0].Value = match;
            var rows = new List<(long, double)>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
            return rows;
        }
    }

    /// <summary>FTS5's relevance of a match: names weighted 10 and aliases 8 against summaries 1 (the id column 0); lower is better.</summary>
    private const string Bm25 = "bm25(operations_fts, 0.0, 10.0, 8.0, 1.0)";

    /// <summary>The words of a search as one phrase: an operation named so, or with such an alias, ranks first.</summary>
    internal static string ExactPhrase(string text) => string.Join(" ", Words(text));

    /// <summary>
    /// The full-text matches of @Text with their relevance score, for the filters SQL applies (aggregates, stats, the
    /// explorer's facets): an exact name or alias (@Exact) first, then bm25. Lists rank the same way in memory
    /// (<see cref="OperationIndex.Select"/>), which the list oracle test checks against this.
    /// </summary>
    private const string FullTextMatches = $"""
        SELECT f.operation_id,
               {Bm25}
               - CASE WHEN EXISTS (SELECT 1 FROM operations e WHERE e.id = f.operation_id AND e.name = @Exact COLLATE NOCASE)
                        OR EXISTS (SELECT 1 FROM operation_aliases e WHERE e.operation_id = f.operation_id AND e.name = @Exact COLLATE NOCASE)
                      THEN 1000000.0 ELSE 0.0 END AS score
        FROM operations_fts f WHERE operations_fts MATCH @Text
        """;

    /// <summary>
    /// The FROM and WHERE of the operations a filter selects, with their parameters; tombstones are never listed. With text,
    /// the full-text match is joined in as <c>m</c>, whose <c>score</c> orders by relevance: an exact name or alias first,
    /// then FTS5's bm25 with names weighted 10 and aliases 8 against summaries 1 (lower is better).
    /// </summary>
    internal static (string From, List<string> Where, DynamicParameters Parameters) Where(OperationFilter filter)
    {
        var from = "operations o";
        var where = new List<string> { "o.status = 'active'" };
        var parameters = new DynamicParameters();
        void Exists(string[]? values, string name, string subquery)
        {
            if (values is { Length: > 0 })
            {
                where.Add($"EXISTS ({subquery})");
                parameters.Add(name, values);
            }
        }
        void Day(string? text, bool end, string name, string condition)
        {
            if (PartialDateAttribute.Day(text, end) is { } day)
            {
                where.Add(condition);
                parameters.Add(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        Exists(filter.Actor, "Actors", "SELECT 1 FROM attributions x WHERE x.operation_id = o.id AND x.actor_id IN @Actors");
        Exists(filter.Origin, "Origins", "SELECT 1 FROM operation_countries x WHERE x.operation_id = o.id AND x.role = 'origin' AND x.country IN @Origins");
        Exists(filter.Target, "Targets", "SELECT 1 FROM operation_countries x WHERE x.operation_id = o.id AND x.role = 'target' AND x.country IN @Targets");
        Exists(filter.Platform, "Platforms", "SELECT 1 FROM operation_platforms x WHERE x.operation_id = o.id AND x.platform_id IN @Platforms");
        Exists(filter.DisclosedBy, "DisclosedBy", "SELECT 1 FROM disclosures x WHERE x.operation_id = o.id AND x.organisation_id IN @DisclosedBy");
        Exists(filter.Topic, "Topics", "SELECT 1 FROM operation_topics x WHERE x.operation_id = o.id AND x.topic_id IN @Topics");
        if (filter.DisclosedFrom is not null || filter.DisclosedTo is not null)
        {
            where.Add($"EXISTS (SELECT 1 FROM disclosures x WHERE x.operation_id = o.id AND {DisclosureDates(filter, "x", parameters)})");
        }
        // Still active on or after the day: an operation with no reported end counts as ongoing.
        Day(filter.ActiveFrom, false, "ActiveFrom", "(o.last_seen_end >= @ActiveFrom OR (o.last_seen_end IS NULL AND o.first_seen_start IS NOT NULL))");
        Day(filter.ActiveTo, true, "ActiveTo", "o.first_seen_start <= @ActiveTo");
        if (filter.MinAccounts is { } minAccounts)
        {
            where.Add("o.accounts_removed >= @MinAccounts");
            parameters.Add("MinAccounts", minAccounts);
        }
        if (filter.MinFollowers is { } minFollowers)
        {
            where.Add("o.max_followers >= @MinFollowers");
            parameters.Add("MinFollowers", minFollowers);
        }
        if (filter.Text is { } text)
        {
            from = $"operations o JOIN ({FullTextMatches}) m ON m.operation_id = o.id";
            parameters.Add("Text", FullTextQuery(text));
            parameters.Add("Exact", ExactPhrase(text));
        }
        return (from, where, parameters);
    }

    /// <summary>The condition on a disclosure (table alias <paramref name="alias"/>) that its date falls in the filter's disclosure range.</summary>
    internal static string DisclosureDates(OperationFilter filter, string alias, DynamicParameters parameters)
    {
        var range = new List<string>();
        if (PartialDateAttribute.Day(filter.DisclosedFrom, end: false) is { } from)
        {
            range.Add($"{alias}.date_end >= @DisclosedFrom");
            parameters.Add("DisclosedFrom", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (PartialDateAttribute.Day(filter.DisclosedTo, end: true) is { } to)
        {
            range.Add($"{alias}.date_start <= @DisclosedTo");
            parameters.Add("DisclosedTo", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return range.Count == 0 ? "1" : string.Join(" AND ", range);
    }

    /// <summary>
    /// Each word becomes a quoted FTS5 string, so that user input is never FTS5 syntax; all words must match, and the last
    /// may be the start of a word (people type the end last). The porter tokenizer stems both sides: election = elections.
    /// </summary>
    internal static string FullTextQuery(string text)
    {
        var phrases = FullTextPhrases(text);
        return phrases.Length == 0 ? "\"\"" : string.Join(" ", phrases);
    }

    /// <summary>The FTS5 phrases of <see cref="FullTextQuery"/>, one per word; a row matches the query when it matches every one.</summary>
    internal static string[] FullTextPhrases(string text)
    {
        var words = Words(text).Select(word => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToArray();
        return words.Length == 0 ? [] : [.. words[..^1], words[^1] + "*"];
    }

    /// <summary>The words of a text; punctuation alone is no word (FTS5 would find no token in it).</summary>
    private static string[] Words(string text) =>
        [.. text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit))];

    /// <summary>
    /// A page of rows: the operations, each row's id and sort value (for its cursor), whether more follow, and how many match
    /// in all. Cursors are made when asked for: a REST page needs only the last.
    /// </summary>
    public sealed record OperationRows(IReadOnlyList<OperationSummary> Items, IReadOnlyList<(string Id, object SortValue)> Keys, string Sort, bool HasMore, long Total)
    {
        public string Cursor(int index) => new OperationCursor(Sort, Keys[index].SortValue, Keys[index].Id).Encode();

        public string? NextCursor => HasMore ? Cursor(Keys.Count - 1) : null;
    }

    public sealed record Tombstone(string Status, string? MergedInto, string? RetiredOn, string? RetiredReason);

    private sealed class OperationRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string Summary { get; init; } = "";
        public bool Domestic { get; init; }
        public string? FirstSeen { get; init; }
        public string? LastSeen { get; init; }
        public string? ActivitySource { get; init; }
        public string? FirstDisclosed { get; init; }
        public string? LastDisclosed { get; init; }
        public long? AccountsRemoved { get; init; }
        public long? AssetsRemoved { get; init; }
        public long? MaxFollowers { get; init; }
        public string? Published { get; init; }
        public string? Modified { get; init; }
    }

    private sealed class AliasRow
    {
        public string OperationId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Organisation { get; init; }
        public string Source { get; init; } = "";
    }

    private sealed class AttributionRow
    {
        public string OperationId { get; init; } = "";
        public string? ActorId { get; init; }
        public string? ActorName { get; init; }
        public string? Country { get; init; }
        public string Organisation { get; init; } = "";
        public string Date { get; init; } = "";
        public string Level { get; init; } = "";
        public string Confidence { get; init; } = "";
        public string Statement { get; init; } = "";
        public string Source { get; init; } = "";
    }

    private sealed class DisclosureRow
    {
        public string OperationId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Organisation { get; init; } = "";
        public string Date { get; init; } = "";
        public string? Summary { get; init; }
        public string Source { get; init; } = "";
    }

    private sealed class ActionRow
    {
        public string OperationId { get; init; } = "";
        public string Disclosure { get; init; } = "";
        public string Platform { get; init; } = "";
        public string Asset { get; init; } = "";
        public long Count { get; init; }
        public string Qualifier { get; init; } = "";
        public string? Note { get; init; }
        public string Source { get; init; } = "";
        public bool CountsInTotals { get; init; }
        public string Counting { get; init; } = "";
    }

    private sealed class ReachRow
    {
        public string OperationId { get; init; } = "";
        public string Disclosure { get; init; } = "";
        public string Metric { get; init; } = "";
        public double Value { get; init; }
        public string Qualifier { get; init; } = "";
        public string? Platform { get; init; }
        public string? Currency { get; init; }
        public string? Note { get; init; }
        public string Source { get; init; } = "";
        public bool CountsInTotals { get; init; }
        public string Counting { get; init; } = "";
    }

    private sealed class RelationRow
    {
        public string OperationId { get; init; } = "";
        public string Operation { get; init; } = "";
        public string Relation { get; init; } = "";
        public string Source { get; init; } = "";
    }

    private sealed class SourceRow
    {
        public string OperationId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Url { get; init; } = "";
        public string Title { get; init; } = "";
        public string Publisher { get; init; } = "";
        public string? Published { get; init; }
        public string Kind { get; init; } = "";
        public string? Original { get; init; }
        public string? Archive { get; init; }
    }
}
