using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Transparency.Dataset.Release;

/// <summary>
/// The files of a release, written deterministically beside the database: its checksum, a CSV per table and
/// view, complete records as JSON Lines, the delta against the previous release with its CHANGELOG entry,
/// a Frictionless data package, CITATION.cff and the index of every release.
/// </summary>
public static class ReleaseWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Write(string database, string version, string? previousDatabase, string folder)
    {
        var written = new List<string>();
        var metadata = Metadata(database);
        var date = metadata["built_at"] is { Length: >= 10 } builtAt && builtAt != "unknown" ? builtAt[..10] : null;
        var databaseName = Path.GetFileName(database);
        var sha256 = Sha256(database);
        written.Add(WriteText(folder, databaseName + ".sha256", $"{sha256}  {databaseName}\n"));

        var resources = new JsonArray { Resource(folder, databaseName, "sqlite", "application/vnd.sqlite3", null) };
        foreach (var (table, columns) in ExportCsv(database, Path.Combine(folder, "csv")))
        {
            var path = $"csv/{table}.csv";
            written.Add(Path.Combine(folder, path));
            resources.Add(Resource(folder, path, "csv", "text/csv", new JsonObject { ["fields"] = columns }));
        }

        var after = DatabaseSnapshot.Read(database);
        var jsonl = new StringBuilder();
        foreach (var record in after.Values)
        {
            jsonl.Append(record.ToJsonString(Compact)).Append('\n');
        }
        written.Add(WriteText(folder, "operations.jsonl", jsonl.ToString()));
        resources.Add(Resource(folder, "operations.jsonl", "jsonl", "application/jsonl", null));

        var before = previousDatabase is null ? new SortedDictionary<string, JsonObject>(StringComparer.Ordinal) : DatabaseSnapshot.Read(previousDatabase);
        var fromVersion = previousDatabase is null ? null : Metadata(previousDatabase)["data_version"];
        var delta = Delta.Between(fromVersion, before, version, after);
        written.Add(WriteText(folder, "delta.json", delta.ToJson()));
        written.Add(WriteText(folder, $"CHANGELOG-{version}.md", delta.ToMarkdown(date, after)));
        resources.Add(Resource(folder, "delta.json", "json", "application/json", null));

        var package = new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = "transparency",
            ["title"] = "Transparency: publicly disclosed influence operations",
            ["version"] = version,
            ["created"] = metadata["built_at"],
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/", ["title"] = "Creative Commons Attribution 4.0" }),
            ["resources"] = resources,
        };
        written.Add(WriteText(folder, "datapackage.json", package.ToJsonString(Indented) + "\n"));

        written.Add(WriteText(folder, "CITATION.cff", $"""
            cff-version: 1.2.0
            type: dataset
            title: "Transparency: a dataset of publicly disclosed influence operations"
            message: "If you use this dataset, please cite it as below."
            version: "{version}"
            {(date is null ? "" : $"date-released: \"{date}\"\n")}license: CC-BY-4.0
            authors:
              - name: The Transparency contributors
            """.Replace("\n\nlicense", "\nlicense", StringComparison.Ordinal) + "\n"));

        written.Add(WriteIndex(folder, previousDatabase, version, date, databaseName, sha256, metadata));
        return written;
    }

    private static string WriteIndex(string folder, string? previousDatabase, string version, string? date, string file, string sha256, Dictionary<string, string> metadata)
    {
        var releases = new JsonArray();
        var previousIndex = previousDatabase is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(previousDatabase))!, "index.json");
        if (previousIndex is not null && File.Exists(previousIndex))
        {
            foreach (var release in JsonNode.Parse(File.ReadAllText(previousIndex))!["releases"]!.AsArray())
            {
                if ((string?)release!["version"] != version)
                {
                    releases.Add(release.DeepClone());
                }
            }
        }
        var counts = new JsonObject();
        foreach (var (key, value) in metadata.Where(m => m.Key.StartsWith("count_", StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            counts[key["count_".Length..]] = long.Parse(value, CultureInfo.InvariantCulture);
        }
        releases.Add(new JsonObject
        {
            ["version"] = version,
            ["date"] = date,
            ["builtAt"] = metadata["built_at"],
            ["file"] = file,
            ["sha256"] = sha256,
            ["schemaVersion"] = metadata["schema_version"],
            ["sourceCommit"] = metadata["source_commit"],
            ["counts"] = counts,
        });
        return WriteText(folder, "index.json", new JsonObject { ["releases"] = releases }.ToJsonString(Indented) + "\n");
    }

    private static IEnumerable<(string Name, JsonArray Fields)> ExportCsv(string database, string folder)
    {
        Directory.CreateDirectory(folder);
        using var connection = Open(database);
        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'operations_fts%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"";
            using var probe = command.ExecuteReader();
            var columns = Enumerable.Range(0, probe.FieldCount).Select(probe.GetName).ToList();
            probe.Close();
            command.CommandText = $"SELECT * FROM \"{name}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns.Count))}";
            using var reader = command.ExecuteReader();
            var text = new StringBuilder(string.Join(',', columns)).Append("\r\n");
            var types = new string?[columns.Count];
            while (reader.Read())
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }
                    if (!reader.IsDBNull(i))
                    {
                        var value = reader.GetValue(i);
                        types[i] ??= value switch { long => "integer", double => "number", _ => "string" };
                        text.Append(Csv(Convert.ToString(value, CultureInfo.InvariantCulture)!));
                    }
                }
                text.Append("\r\n");
            }
            File.WriteAllText(Path.Combine(folder, name + ".csv"), text.ToString(), new UTF8Encoding(false));
            yield return (name, new JsonArray([.. columns.Select((c, i) => (JsonNode)new JsonObject { ["name"] = c, ["type"] = types[i] ?? "string" })]));
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static JsonObject Resource(string folder, string path, string format, string mediaType, JsonObject? schema)
    {
        var full = Path.Combine(folder, path);
        var resource = new JsonObject
        {
            ["name"] = Path.GetFileNameWithoutExtension(path).Replace('.', '-').ToLowerInvariant(),
            ["path"] = path,
            ["format"] = format,
            ["mediatype"] = mediaType,
            ["bytes"] = new FileInfo(full).Length,
            ["hash"] = "sha256:" + Sha256(full),
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/" }),
        };
        if (schema is not null)
        {
            resource["schema"] = schema;
        }
        return resource;
    }

    public static Dictionary<string, string> Metadata(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM dataset_metadata";
        using var reader = command.ExecuteReader();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            metadata[reader.GetString(0)] = reader.GetString(1);
        }
        return metadata;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string WriteText(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", name.EndsWith(".csv", StringComparison.Ordinal) ? "\r\n" : "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return path;
    }
}
