using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Transparency.Dataset.Model;

namespace Transparency.Dataset.Build;

/// <summary>Facts about a build that go into the dataset_metadata table.</summary>
public sealed record BuildInfo(string SchemaVersion, string DataVersion, string SourceCommit, string BuiltAt, string InputSha256);

/// <summary>
/// Writes the SQLite file on a background thread while the compiler is still reading, so that reading and
/// writing overlap (each took about half of a 10,000-operation build; see docs/performance.md). Records arrive
/// in file-path order, which is id order within each kind, so the same tree always gives the same inserts;
/// indexes are made afterwards, and freed pages are handed back at commit, so the same inputs give the same bytes.
/// Everything goes to a temporary file beside the target, renamed into place by <see cref="Finish"/>;
/// disposing an unfinished writer deletes it, so a failed build leaves nothing behind.
/// </summary>
public sealed class SqliteBuilder : IDisposable
{
    /// <summary>SemVer of the SQLite schema: major for breaking changes to tables or columns, minor for additions.</summary>
    public const string SchemaVersion = "2.0.0";

    /// <summary>
    /// Records go to the writer in batches. Handed over one by one, the reader and the writer kept waking each
    /// other, and about a third of 10,000-operation builds took 1–2.5 s longer than the rest.
    /// </summary>
    private const int BatchSize = 32;

    private readonly string _target;
    private readonly string _temporary;
    private readonly BlockingCollection<List<object>> _queue = new(boundedCapacity: 32);
    private List<object> _batch = new(BatchSize);
    private readonly Task<RowWriter> _writer;
    private bool _finished;

    private readonly IReadOnlyDictionary<string, RecordDates> _history;

    private SqliteBuilder(string outputPath, IReadOnlyDictionary<string, RecordDates> history)
    {
        _history = history;
        _target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        _temporary = $"{_target}.{Guid.NewGuid():N}.tmp";
        _writer = Task.Factory.StartNew(WriteQueuedRecords, TaskCreationOptions.LongRunning);
    }

    public static string SchemaSql => ReadResource("schema.sql");

    public static string IndexesSql => ReadResource("indexes.sql");

    /// <summary>Starts writing a new database at <paramref name="outputPath"/>.</summary>
    /// <param name="outputPath">The file to write.</param>
    /// <param name="history">Published and modified dates by dataset-relative path (see <see cref="Compiler.RecordHistory"/>).</param>
    public static SqliteBuilder Start(string outputPath, IReadOnlyDictionary<string, RecordDates> history) => new(outputPath, history);

    /// <summary>Queues one file's records: an operation, an actor, or a vocabulary's entries.</summary>
    public void Add(object record)
    {
        _batch.Add(record);
        if (_batch.Count == BatchSize)
        {
            _queue.Add(_batch);
            _batch = new List<object>(BatchSize);
        }
    }

    /// <summary>Writes the metadata, indexes and full-text index, and moves the file into place.</summary>
    public void Finish(BuildInfo info)
    {
        _queue.Add(_batch);
        _queue.CompleteAdding();
        var rows = _writer.GetAwaiter().GetResult();
        rows.WriteMetadata(info);
        rows.Complete();
        File.Move(_temporary, _target, overwrite: true);
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _queue.CompleteAdding();
            try
            {
                _writer.GetAwaiter().GetResult().Dispose();
            }
            catch (SqliteException)
            {
                // The build is being abandoned; the temporary file goes below either way.
            }
        }
        _queue.Dispose();
        File.Delete(_temporary);
    }

    private RowWriter WriteQueuedRecords()
    {
        var rows = new RowWriter(_temporary, _history);
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            foreach (var record in batch)
            {
                rows.Write(record);
            }
        }
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Transparency.Dataset.Build.{name}")
            ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Inserts rows through one prepared command per table, inside one transaction.</summary>
    private sealed class RowWriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        private readonly IReadOnlyDictionary<string, RecordDates> _history;

        public RowWriter(string path, IReadOnlyDictionary<string, RecordDates> history)
        {
            _history = history;
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate, ForeignKeys = false }.ToString();
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            // auto_vacuum hands back, at commit, the pages the full-text merge frees, so that the file needs no
            // VACUUM (which rewrote the whole file: 0.4 s of a 10,000-operation build).
            Execute(_connection, "PRAGMA page_size = 4096; PRAGMA auto_vacuum = FULL; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
            Execute(_connection, $"PRAGMA user_version = {int.Parse(SchemaVersion.Split('.')[0], CultureInfo.InvariantCulture)};");
            _transaction = _connection.BeginTransaction();
            Execute(_connection, SchemaSql, _transaction);
        }

        public void Write(object record)
        {
            switch (record)
            {
                case OperationRecord operation:
                    WriteOperation(operation);
                    Count("operations");
                    Count("disclosures", operation.Disclosures.Count);
                    Count("attributions", operation.Attributions.Count);
                    Count("sources", operation.Sources.Count);
                    break;
                case ActorRecord actor:
                    WriteActor(actor);
                    Count("actors");
                    Count("sources", actor.Sources.Count);
                    break;
                case PlatformRecord[] platforms:
                    foreach (var p in platforms)
                    {
                        Insert("platforms", p.Id, p.Name, p.Url);
                        foreach (var former in p.FormerNames.Order(StringComparer.Ordinal))
                        {
                            Insert("platform_former_names", p.Id, former);
                        }
                    }
                    Count("platforms", platforms.Length);
                    break;
                case OrganisationRecord[] organisations:
                    foreach (var o in organisations)
                    {
                        var stated = o.StatedNetworks;
                        Insert("organisations", o.Id, o.Name, o.Kind, o.Country, o.Url, o.Description,
                            stated?.Count, stated?.Qualifier, stated?.AsOf.Text, stated?.Url, stated?.Title, stated?.Note);
                        foreach (var alias in o.Aliases.Order(StringComparer.Ordinal))
                        {
                            Insert("organisation_aliases", o.Id, alias);
                        }
                    }
                    Count("organisations", organisations.Length);
                    break;
                case AssetKindRecord[] assetKinds:
                    foreach (var a in assetKinds)
                    {
                        Insert("asset_kinds", a.Id, a.Name, a.Description);
                    }
                    break;
                case ReportRecord[] reports:
                    foreach (var r in reports)
                    {
                        Insert("reports", r.Id, r.By, r.Title, r.Published.Text, r.Url, r.Copy, r.CopyKind, r.Networks, r.Note);
                    }
                    Count("reports", reports.Length);
                    break;
                case TopicRecord[] topics:
                    foreach (var t in topics)
                    {
                        Insert("topics", t.Id, t.Name, t.Description);
                    }
                    Count("topics", topics.Length);
                    break;
                default:
                    throw new ArgumentException($"cannot write a {record.GetType().Name}", nameof(record));
            }
        }

        /// <summary>Indexes, the full-text merge and commit.</summary>
        /// <remarks>
        /// Foreign keys are not enforced while writing (a parent actor or related operation may come after its
        /// referrer in file order) and not checked here either: validation has refused every unknown reference
        /// before a row is written, and the tests run <c>PRAGMA foreign_key_check</c> on what the build writes.
        /// </remarks>
        public void Complete()
        {
            Execute(_connection, IndexesSql, _transaction);
            Execute(_connection, "INSERT INTO operations_fts (operations_fts) VALUES ('optimize');", _transaction);
            _transaction.Commit();
            Dispose();
        }

        public void Dispose()
        {
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }
            _statements.Clear();
            _transaction.Dispose();
            _connection.Dispose();
        }

        private void Count(string what, int by = 1) => _counts[what] = _counts.GetValueOrDefault(what) + by;

        public void WriteMetadata(BuildInfo info)
        {
            var rows = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["schema_version"] = info.SchemaVersion,
                ["data_version"] = info.DataVersion,
                ["source_commit"] = info.SourceCommit,
                ["built_at"] = info.BuiltAt,
                ["input_sha256"] = info.InputSha256,
                ["licence"] = "CC-BY-4.0",
                ["licence_url"] = "https://creativecommons.org/licenses/by/4.0/",
                ["citation"] = $"Transparency: a dataset of publicly disclosed influence operations, version {info.DataVersion}. Licensed CC BY 4.0.",
            };
            foreach (var what in new[] { "operations", "actors", "disclosures", "attributions", "sources", "platforms", "organisations", "topics", "reports" })
            {
                rows[$"count_{what}"] = _counts.GetValueOrDefault(what).ToString(CultureInfo.InvariantCulture);
            }
            foreach (var (key, value) in rows)
            {
                Insert("dataset_metadata", key, value);
            }
        }

        private void WriteActor(ActorRecord actor)
        {
            var dates = _history.GetValueOrDefault(actor.FilePath);
            Insert("actors", actor.Id, actor.Name, actor.Country, actor.Kind, actor.Parent, actor.Summary, actor.FilePath, dates?.Published, dates?.Modified);
            foreach (var alias in actor.Aliases.Order(StringComparer.Ordinal))
            {
                Insert("actor_aliases", actor.Id, alias);
            }
            foreach (var s in actor.Sources)
            {
                Insert("actor_sources", actor.Id, s.Id, s.Url, s.Title, s.Publisher, s.Published?.Text, s.Kind, s.Original, s.Archive);
            }
        }

        private void WriteOperation(OperationRecord o)
        {
            var counted = Totals.CountedFigures(o);
            var totals = Totals.Of(o, counted);
            Insert("operations", o.Id, o.Name, o.Status, o.MergedInto, o.Retired?.Date.Text, o.Retired?.Reason, o.Summary, o.Domestic ? 1 : 0,
                o.Activity?.FirstSeen.Text, o.Activity?.FirstSeen.PrecisionName, Day(o.Activity?.FirstSeen.Earliest),
                o.Activity?.LastSeen?.Text, o.Activity?.LastSeen?.PrecisionName, Day(o.Activity?.LastSeen?.Latest),
                o.Activity?.Source,
                Day(o.Disclosures.Select(d => (DateOnly?)d.Date.Earliest).Min()), Day(o.Disclosures.Select(d => (DateOnly?)d.Date.Earliest).Max()),
                o.Disclosures.Count, totals.AccountsRemoved, totals.AssetsRemoved, totals.MaxFollowers, o.FilePath,
                _history.GetValueOrDefault(o.FilePath)?.Published, _history.GetValueOrDefault(o.FilePath)?.Modified);

            for (var i = 0; i < o.Aliases.Count; i++)
            {
                Insert("operation_aliases", o.Id, i, o.Aliases[i].Name, o.Aliases[i].By, o.Aliases[i].Source);
            }
            foreach (var country in o.Origin.Order(StringComparer.Ordinal))
            {
                Insert("operation_countries", o.Id, "origin", country);
            }
            foreach (var country in o.TargetCountries.Order(StringComparer.Ordinal))
            {
                Insert("operation_countries", o.Id, "target", country);
            }
            foreach (var language in o.TargetLanguages.Order(StringComparer.Ordinal))
            {
                Insert("operation_languages", o.Id, language);
            }
            foreach (var audience in o.TargetAudiences.Order(StringComparer.Ordinal))
            {
                Insert("operation_audiences", o.Id, audience);
            }
            foreach (var topic in o.Topics.Order(StringComparer.Ordinal))
            {
                Insert("operation_topics", o.Id, topic);
            }
            foreach (var technique in o.Tactics.Order(StringComparer.Ordinal))
            {
                Insert("operation_tactics", o.Id, technique);
            }
            foreach (var platform in Totals.PlatformsOf(o))
            {
                Insert("operation_platforms", o.Id, platform);
            }
            for (var i = 0; i < o.Attributions.Count; i++)
            {
                var a = o.Attributions[i];
                Insert("attributions", o.Id, i, a.Actor, a.Country, a.By, a.Date.Text, a.Date.PrecisionName, a.Level, a.Confidence, a.Statement, a.Source);
            }
            for (var i = 0; i < o.Disclosures.Count; i++)
            {
                WriteDisclosure(o.Id, i, o.Disclosures[i], counted.Actions[i], counted.Reach[i]);
            }
            foreach (var r in o.Related.OrderBy(r => r.Operation, StringComparer.Ordinal).ThenBy(r => r.Relation, StringComparer.Ordinal))
            {
                Insert("related_operations", o.Id, r.Operation, r.Relation, r.Source);
            }
            foreach (var s in o.Sources)
            {
                Insert("operation_sources", o.Id, s.Id, s.Url, s.Title, s.Publisher, s.Published?.Text, s.Kind, s.Original, s.Archive);
            }
            Insert("operations_fts", o.Id, o.Name, string.Join(" ", o.Aliases.Select(a => a.Name)), o.Summary);
        }

        private void WriteDisclosure(string operationId, int ordinal, DisclosureRecord d, bool[] countingActions, bool[] countingReach)
        {
            Insert("disclosures", operationId, d.Id, ordinal, d.By, d.Date.Text, d.Date.PrecisionName, Day(d.Date.Earliest), Day(d.Date.Latest), d.Summary, d.Source, d.Report);
            foreach (var platform in d.Platforms.Order(StringComparer.Ordinal))
            {
                Insert("disclosure_platforms", operationId, d.Id, platform);
            }
            for (var i = 0; i < d.Actions.Count; i++)
            {
                var a = d.Actions[i];
                Insert("platform_actions", operationId, d.Id, i, a.Platform, a.Asset, a.Count, a.Qualifier, a.Note, a.Source, countingActions[i] ? 1 : 0, a.Counting);
            }
            for (var i = 0; i < d.Reach.Count; i++)
            {
                var r = d.Reach[i];
                object value = r.Value == decimal.Truncate(r.Value) && Math.Abs(r.Value) < long.MaxValue ? (long)r.Value : (double)r.Value;
                Insert("reach_figures", operationId, d.Id, i, r.Metric, value, r.Qualifier, r.Platform, r.Currency, r.Note, r.Source, countingReach[i] ? 1 : 0, r.Counting);
            }
        }

        private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>
        /// Inserts one row through a statement prepared once per table, binding values by position with
        /// SQLite's own API: the ADO.NET command path cost several times more per row (boxing, parameter
        /// collections, UTF-8 copies), and a build writes about 25 rows per operation.
        /// </summary>
        private void Insert(string table, params ReadOnlySpan<object?> values)
        {
            var database = _connection.Handle;
            if (!_statements.TryGetValue(table, out var statement))
            {
                var sql = $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Repeat("?", values.Length))})";
                SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out statement), database);
                _statements[table] = statement;
            }
            for (var i = 0; i < values.Length; i++)
            {
                var index = i + 1;
                var bound = values[i] switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    string text => raw.sqlite3_bind_text16(statement, index, text),
                    int number => raw.sqlite3_bind_int64(statement, index, number),
                    long number => raw.sqlite3_bind_int64(statement, index, number),
                    double number => raw.sqlite3_bind_double(statement, index, number),
                    var other => throw new ArgumentException($"cannot store a {other.GetType().Name} in {table}", nameof(values)),
                };
                SqliteException.ThrowExceptionForRC(bound, database);
            }
            var stepped = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, database);
            }
        }
    }
}
