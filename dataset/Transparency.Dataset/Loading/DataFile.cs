using Transparency.Dataset.Schema;
using Transparency.Dataset.Validation;

namespace Transparency.Dataset.Loading;

public enum FileKind
{
    Operation,
    Actor,
    Platforms,
    Organisations,
    AssetKinds,
    Topics,
    /// <summary>A file of reports/: one organisation's reports of one year.</summary>
    Reports,
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

    /// <summary>SHA-256 of the file's bytes, for the dataset's input checksum.</summary>
    public byte[] Sha256 { get; set; } = [];

    /// <summary>True when the file was read into a tree (it may still have shape errors).</summary>
    public bool WasParsed { get; set; }

    /// <summary>
    /// The file's content as records (an operation, an actor, or a vocabulary's entries) when the file passed
    /// every check; null otherwise, and null once handed on unless the caller asked to keep records. Neither the
    /// YAML tree nor the records are kept by default: with 10,000 files, holding them cost more time in the
    /// garbage collector than parsing them (see docs/performance.md).
    /// </summary>
    public object? Record { get; set; }

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
        FileKind.Reports => Schemas.Reports,
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
        FileKind.Reports => "reports.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
