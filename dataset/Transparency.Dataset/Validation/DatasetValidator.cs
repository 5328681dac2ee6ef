using Transparency.Dataset.Loading;
using Transparency.Dataset.Model;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Validation;

/// <summary>The ids a reference may name, by kind, each with the path of the file that declares it.</summary>
public sealed class KnownIds
{
    private readonly Dictionary<ReferenceKind, Dictionary<string, string>> _ids =
        Enum.GetValues<ReferenceKind>().ToDictionary(k => k, _ => new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<ReferenceKind, Dictionary<string, string>> _otherNames =
        Enum.GetValues<ReferenceKind>().ToDictionary(k => k, _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string> Of(ReferenceKind kind) => _ids[kind];

    /// <summary>Former and common names (Twitter, IRA), case-insensitive, each with the id it stands for.</summary>
    public IReadOnlyDictionary<string, string> OtherNamesOf(ReferenceKind kind) => _otherNames[kind];

    public void AddOtherName(ReferenceKind kind, string name, string id) => _otherNames[kind].TryAdd(name, id);

    /// <summary>Adds an id; false when the kind already has it.</summary>
    public bool TryAdd(ReferenceKind kind, string id, string declaredIn) => _ids[kind].TryAdd(id, declaredIn);
}

/// <summary>What a file declares and refers to, and its own id: found while checking its shape, needed only until its references are checked.</summary>
public sealed record FileMentions(Mention? RecordId, IReadOnlyList<Mention> Declarations, IReadOnlyList<Mention> References)
{
    public static readonly FileMentions None = new(null, [], []);
}

/// <summary>
/// The checks that look beyond one file: ids against file names, references between records, and the
/// sources and disclosures a record declares and cites. Every id a reference may name is known before any
/// operation or actor is read (file names, and the vocabularies, which are read first), so each file is
/// checked as soon as it is read and nothing about it has to be kept for later.
/// </summary>
public static class DatasetValidator
{
    /// <summary>
    /// The operation and actor ids (their file names) and the vocabularies' entries. A vocabulary entry
    /// declared twice is reported on its file.
    /// </summary>
    public static KnownIds CollectIds(IEnumerable<DataFile> recordFiles, IEnumerable<(DataFile File, FileMentions Mentions)> vocabularies)
    {
        var known = new KnownIds();
        foreach (var file in recordFiles)
        {
            if (file.Kind is FileKind.Operation or FileKind.Actor)
            {
                known.TryAdd(file.Kind == FileKind.Actor ? ReferenceKind.Actor : ReferenceKind.Operation, file.FileId, file.DisplayPath);
            }
        }
        foreach (var (file, mentions) in vocabularies)
        {
            foreach (var (kind, name, id) in OtherNames(file.Record))
            {
                known.AddOtherName(kind, name, id);
            }
            if (file.Kind == FileKind.Actor)
            {
                continue; // an actor's id is its file name, known above
            }
            foreach (var declaration in mentions.Declarations)
            {
                if (!known.TryAdd(declaration.Kind, declaration.Id, file.DisplayPath))
                {
                    file.Diagnostics.Add(Rules.DuplicateId, declaration.At, declaration.FieldPath, $"the id '{declaration.Id}' is declared twice",
                        "give each entry its own id, or merge the two entries");
                }
            }
        }
        return known;
    }

    /// <summary>The former and common names a vocabulary or actor record declares, for "did you mean" hints.</summary>
    private static IEnumerable<(ReferenceKind Kind, string Name, string Id)> OtherNames(object? record) => record switch
    {
        PlatformRecord[] platforms => platforms.SelectMany(p => p.FormerNames.Select(n => (ReferenceKind.Platform, n, p.Id))),
        OrganisationRecord[] organisations => organisations.SelectMany(o => o.Aliases.Select(n => (ReferenceKind.Organisation, n, o.Id))),
        ActorRecord actor => actor.Aliases.Select(n => (ReferenceKind.Actor, n, actor.Id)),
        _ => [],
    };

    /// <summary>Checks one read file against the dataset; a file with any error keeps no record.</summary>
    public static void Check(DataFile file, FileMentions mentions, KnownIds known)
    {
        if (file.WasParsed)
        {
            CheckRecordId(file, mentions, known);
            CheckLocalIds(file, mentions);
            CheckReferences(file, mentions, known);
        }
        if (file.Diagnostics.HasErrors)
        {
            file.Record = null;
        }
    }

    private static void CheckRecordId(DataFile file, FileMentions mentions, KnownIds known)
    {
        if (file.Kind is not (FileKind.Operation or FileKind.Actor) || mentions.RecordId is not { } id)
        {
            return;
        }
        if (id.Id != file.FileId)
        {
            if (known.Of(id.Kind).TryGetValue(id.Id, out var other) && other != file.DisplayPath)
            {
                file.Diagnostics.Add(Rules.DuplicateId, id.At, "id", $"the id '{id.Id}' is already used by {other}",
                    "ids are unique and never reused: choose another id and rename the file to match");
            }
            else
            {
                file.Diagnostics.Add(Rules.IdMismatch, id.At, "id", $"the id '{id.Id}' differs from the file name '{file.FileId}'",
                    $"rename the file to {id.Id}.yaml, or set id: {file.FileId}");
            }
        }
    }

    /// <summary>Sources and disclosures are declared and cited inside one file.</summary>
    private static void CheckLocalIds(DataFile file, FileMentions mentions)
    {
        if (file.Kind is not (FileKind.Operation or FileKind.Actor))
        {
            return;
        }
        foreach (var kind in new[] { ReferenceKind.Source, ReferenceKind.Disclosure })
        {
            var declared = new Dictionary<string, Position>(StringComparer.Ordinal);
            foreach (var declaration in mentions.Declarations.Where(d => d.Kind == kind))
            {
                if (!declared.TryAdd(declaration.Id, declaration.At))
                {
                    file.Diagnostics.Add(Rules.DuplicateId, declaration.At, declaration.FieldPath,
                        $"the {Describe(kind)} id '{declaration.Id}' is already declared at line {declared[declaration.Id].Line}",
                        $"give each {Describe(kind)} its own id");
                }
            }
        }

        var sourceIds = mentions.Declarations.Where(d => d.Kind == ReferenceKind.Source).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in mentions.References.Where(r => r.Kind == ReferenceKind.Source))
        {
            cited.Add(reference.Id);
            if (!sourceIds.Contains(reference.Id))
            {
                var suggestion = Suggest.Closest(reference.Id, sourceIds);
                file.Diagnostics.Add(Rules.UnknownSource, reference.At, reference.FieldPath, $"the source '{reference.Id}' is not declared in this file's sources",
                    suggestion is not null
                        ? $"did you mean '{suggestion}'?"
                        : sourceIds.Count > 0
                            ? $"add it under 'sources:', or cite one of: {string.Join(", ", sourceIds.Order(StringComparer.Ordinal))}"
                            : "add it under 'sources:' with its url, title, publisher, published date and kind");
            }
        }

        // An actor's sources back the record as a whole, so only an operation's may go uncited.
        if (file.Kind == FileKind.Operation)
        {
            foreach (var declaration in mentions.Declarations.Where(d => d.Kind == ReferenceKind.Source && !cited.Contains(d.Id)))
            {
                file.Diagnostics.Add(Rules.UnusedSource, declaration.At, declaration.FieldPath, $"the source '{declaration.Id}' is cited by nothing",
                    "cite it from the figure, date or attribution it supports, or remove it");
            }
        }
    }

    private static void CheckReferences(DataFile file, FileMentions mentions, KnownIds known)
    {
        foreach (var reference in mentions.References.Where(r => r.Kind is not (ReferenceKind.Source or ReferenceKind.Disclosure)))
        {
            var ids = known.Of(reference.Kind);
            if (ids.ContainsKey(reference.Id))
            {
                continue;
            }
            var suggestion = Suggest.Id(reference.Id, ids.Keys, known.OtherNamesOf(reference.Kind));
            var where = WhereDeclared(reference.Kind);
            var list = ids.Count is > 0 and <= 40 ? $"; known: {string.Join(", ", ids.Keys.Order(StringComparer.Ordinal))}" : "";
            file.Diagnostics.Add(Rules.UnknownReference, reference.At, reference.FieldPath, $"unknown {Describe(reference.Kind)} '{reference.Id}'",
                (suggestion is not null ? $"did you mean '{suggestion}'? " : "") + $"{where}{list}");
        }
    }

    private static string Describe(ReferenceKind kind) => kind switch
    {
        ReferenceKind.AssetKind => "asset kind",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string WhereDeclared(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Operation => "operations are the files in operations/",
        ReferenceKind.Actor => "actors are the files in actors/; add one if the actor is new",
        ReferenceKind.Organisation => "organisations are listed in vocabularies/organisations.yaml",
        ReferenceKind.Platform => "platforms are listed in vocabularies/platforms.yaml",
        ReferenceKind.AssetKind => "asset kinds are listed in vocabularies/asset-kinds.yaml",
        ReferenceKind.Topic => "topics are listed in vocabularies/topics.yaml",
        ReferenceKind.Report => "reports are listed in reports/<organisation>-<year>.yaml; add the report there",
        _ => "",
    };
}
