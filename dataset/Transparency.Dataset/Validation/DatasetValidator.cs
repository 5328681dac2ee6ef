using Transparency.Dataset.Loading;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Validation;

/// <summary>
/// The checks that need more than one record: ids against file names, references between records,
/// and the per-record rules that combine several fields.
/// </summary>
public static class DatasetValidator
{
    public static void Validate(IReadOnlyList<DataFile> files)
    {
        var known = CollectIds(files);
        foreach (var file in files.Where(f => f.WasParsed))
        {
            CheckRecordId(file, known);
            CheckLocalIds(file);
            CheckReferences(file, known);
            if (file.Diagnostics.HasErrors)
            {
                file.Record = null;
            }
        }
    }

    /// <summary>Every id that a reference may name, by kind, with where each was declared.</summary>
    private static Dictionary<ReferenceKind, Dictionary<string, DataFile>> CollectIds(IReadOnlyList<DataFile> files)
    {
        var known = Enum.GetValues<ReferenceKind>().ToDictionary(k => k, _ => new Dictionary<string, DataFile>(StringComparer.Ordinal));
        foreach (var file in files)
        {
            switch (file.Kind)
            {
                case FileKind.Operation:
                    known[ReferenceKind.Operation].TryAdd(file.FileId, file);
                    break;
                case FileKind.Actor:
                    known[ReferenceKind.Actor].TryAdd(file.FileId, file);
                    break;
                case FileKind.Platforms or FileKind.Organisations or FileKind.AssetKinds or FileKind.Topics:
                    foreach (var declaration in file.Declarations)
                    {
                        if (!known[declaration.Kind].TryAdd(declaration.Id, file))
                        {
                            file.Diagnostics.Add(Rules.DuplicateId, declaration.At, declaration.FieldPath, $"the id '{declaration.Id}' is declared twice",
                                "give each entry its own id, or merge the two entries");
                        }
                    }
                    break;
            }
        }
        return known;
    }

    private static void CheckRecordId(DataFile file, Dictionary<ReferenceKind, Dictionary<string, DataFile>> known)
    {
        if (file.Kind is not (FileKind.Operation or FileKind.Actor) || file.RecordId is not { } id)
        {
            return;
        }
        if (id.Id != file.FileId)
        {
            var other = known[id.Kind].GetValueOrDefault(id.Id);
            if (other is not null && other != file)
            {
                file.Diagnostics.Add(Rules.DuplicateId, id.At, "id", $"the id '{id.Id}' is already used by {other.DisplayPath}",
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
    private static void CheckLocalIds(DataFile file)
    {
        if (file.Kind is not (FileKind.Operation or FileKind.Actor))
        {
            return;
        }
        foreach (var kind in new[] { ReferenceKind.Source, ReferenceKind.Disclosure })
        {
            var declared = new Dictionary<string, Position>(StringComparer.Ordinal);
            foreach (var declaration in file.Declarations.Where(d => d.Kind == kind))
            {
                if (!declared.TryAdd(declaration.Id, declaration.At))
                {
                    file.Diagnostics.Add(Rules.DuplicateId, declaration.At, declaration.FieldPath,
                        $"the {Describe(kind)} id '{declaration.Id}' is already declared at line {declared[declaration.Id].Line}",
                        $"give each {Describe(kind)} its own id");
                }
            }
        }

        var sourceIds = file.Declarations.Where(d => d.Kind == ReferenceKind.Source).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in file.References.Where(r => r.Kind == ReferenceKind.Source))
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
            foreach (var declaration in file.Declarations.Where(d => d.Kind == ReferenceKind.Source && !cited.Contains(d.Id)))
            {
                file.Diagnostics.Add(Rules.UnusedSource, declaration.At, declaration.FieldPath, $"the source '{declaration.Id}' is cited by nothing",
                    "cite it from the figure, date or attribution it supports, or remove it");
            }
        }
    }

    private static void CheckReferences(DataFile file, Dictionary<ReferenceKind, Dictionary<string, DataFile>> known)
    {
        foreach (var reference in file.References.Where(r => r.Kind is not (ReferenceKind.Source or ReferenceKind.Disclosure)))
        {
            var ids = known[reference.Kind];
            if (ids.ContainsKey(reference.Id))
            {
                continue;
            }
            var suggestion = Suggest.Closest(reference.Id, ids.Keys);
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
        _ => "",
    };
}
