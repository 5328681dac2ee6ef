using Transparency.Dataset.Schema;
using Transparency.Dataset.Validation;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Loading;

public enum FileKind
{
    Operation,
    Actor,
    Platforms,
    Organisations,
    AssetKinds,
    Topics,
    /// <summary>A file where no data file belongs.</summary>
    Unexpected,
}

/// <summary>One data file, read and checked on its own; the dataset-wide checks come after.</summary>
public sealed class DataFile
{
    public required string FullPath { get; init; }

    /// <summary>The path printed in diagnostics.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>Path relative to the dataset folder, with forward slashes; what the build hashes.</summary>
    public required string DatasetPath { get; init; }

    public required FileKind Kind { get; init; }

    public required FileDiagnostics Diagnostics { get; init; }

    public byte[] Bytes { get; init; } = [];

    public YamlNode? Root { get; set; }

    public IReadOnlyList<Mention> References { get; set; } = [];

    public IReadOnlyList<Mention> Declarations { get; set; } = [];

    /// <summary>The id a record in this file must have: its file name without extension.</summary>
    public string FileId => Path.GetFileNameWithoutExtension(FullPath);

    public static ObjectShape? ShapeOf(FileKind kind) => kind switch
    {
        FileKind.Operation => Schemas.Operation,
        FileKind.Actor => Schemas.Actor,
        FileKind.Platforms => Schemas.Platforms,
        FileKind.Organisations => Schemas.Organisations,
        FileKind.AssetKinds => Schemas.AssetKinds,
        FileKind.Topics => Schemas.Topics,
        _ => null,
    };

    /// <summary>The schema file name under dataset/schema/ for each kind.</summary>
    public static string SchemaFileName(FileKind kind) => kind switch
    {
        FileKind.Operation => "operation.schema.json",
        FileKind.Actor => "actor.schema.json",
        FileKind.Platforms => "platforms.schema.json",
        FileKind.Organisations => "organisations.schema.json",
        FileKind.AssetKinds => "asset-kinds.schema.json",
        FileKind.Topics => "topics.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
