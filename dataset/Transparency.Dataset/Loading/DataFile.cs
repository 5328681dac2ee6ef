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

    /// <summary>The record's own <c>id</c> value and where it stands, for operations and actors.</summary>
    public Mention? RecordId { get; set; }

    /// <summary>True when the file was read into a tree (it may still have shape errors).</summary>
    public bool WasParsed { get; set; }

    /// <summary>
    /// The file's content as records (an operation, an actor, or a vocabulary's entries), bound as soon as the
    /// file passed its own checks; null otherwise. The YAML tree itself is not kept: with 10,000 files,
    /// holding every tree cost more time in the garbage collector than parsing them.
    /// </summary>
    public object? Record { get; set; }

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
