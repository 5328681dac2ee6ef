using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Transparency.Dataset.Release;

/// <summary>
/// Every operation of a released database as one canonical JSON object, read with plain SQL so that any
/// release of schema 1.x can be compared with any other.
/// </summary>
public static class DatabaseSnapshot
{
    /// <summary>The parts of a record, each compared as a whole: a change inside one is reported as that field.</summary>
    private static readonly (string Field, string Sql)[] Parts =
    [
        ("aliases", "SELECT operation_id, name, organisation_id, source_id FROM operation_aliases ORDER BY operation_id, ordinal"),
        ("countries", "SELECT operation_id, role, country FROM operation_countries ORDER BY operation_id, role, country"),
        ("languages", "SELECT operation_id, language FROM operation_languages ORDER BY operation_id, language"),
        ("topics", "SELECT operation_id, topic_id FROM operation_topics ORDER BY operation_id, topic_id"),
        ("attributions", "SELECT operation_id, actor_id, country, organisation_id, date, level, confidence, statement, source_id FROM attributions ORDER BY operation_id, ordinal"),
        ("disclosures", "SELECT operation_id, id, organisation_id, date, summary, source_id FROM disclosures ORDER BY operation_id, ordinal"),
        ("platform_actions", "SELECT operation_id, disclosure_id, platform_id, asset_kind_id, count, qualifier, note, source_id FROM platform_actions ORDER BY operation_id, disclosure_id, ordinal"),
        ("reach_figures", "SELECT operation_id, disclosure_id, metric, value, qualifier, platform_id, currency, note, source_id FROM reach_figures ORDER BY operation_id, disclosure_id, ordinal"),
        ("related", "SELECT operation_id, related_id, relation, source_id FROM related_operations ORDER BY operation_id, related_id, relation"),
        ("sources", "SELECT operation_id, id, url, title, publisher, published, kind, original, archive FROM operation_sources ORDER BY operation_id, id"),
    ];

    private static readonly string[] OperationColumns =
        ["name", "status", "merged_into", "retired_on", "retired_reason", "summary", "domestic", "first_seen", "last_seen", "activity_source_id"];

    public static SortedDictionary<string, JsonObject> Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var records = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id, {string.Join(", ", OperationColumns)} FROM operations ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var record = new JsonObject { ["id"] = reader.GetString(0) };
                for (var i = 0; i < OperationColumns.Length; i++)
                {
                    record[OperationColumns[i]] = Value(reader, i + 1);
                }
                foreach (var (field, _) in Parts)
                {
                    record[field] = new JsonArray();
                }
                records[reader.GetString(0)] = record;
            }
        }
        foreach (var (field, sql) in Parts)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new JsonObject();
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = Value(reader, i);
                }
                records[reader.GetString(0)][field]!.AsArray().Add(row);
            }
        }
        return records;
    }

    private static JsonValue? Value(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : reader.GetValue(ordinal) switch
        {
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            string s => JsonValue.Create(s),
            var other => JsonValue.Create(other.ToString()),
        };
}
