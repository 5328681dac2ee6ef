using Transparency.Dataset.Model;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Validation;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Loading;

/// <summary>Finds the data files of a dataset folder and reads and shape-checks each.</summary>
public static class DatasetReader
{
    public const string OperationsFolder = "operations";
    public const string ActorsFolder = "actors";
    public const string VocabulariesFolder = "vocabularies";
    public const string ReportsFolder = "reports";

    private static readonly Dictionary<string, FileKind> Vocabularies = new(StringComparer.Ordinal)
    {
        ["platforms.yaml"] = FileKind.Platforms,
        ["organisations.yaml"] = FileKind.Organisations,
        ["asset-kinds.yaml"] = FileKind.AssetKinds,
        ["topics.yaml"] = FileKind.Topics,
    };

    /// <summary>Folders of the dataset that hold no data and are never read.</summary>
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.Ordinal) { "schema", "Transparency.Dataset", "bin", "obj", "node_modules" };

    /// <summary>
    /// Reads and checks every data file under <paramref name="datasetRoot"/>, calling <paramref name="onRead"/>
    /// with each, in path order, as soon as it is checked. Files may be read on several threads: each file's
    /// checks need only the ids known before reading starts (file names and the vocabularies, read first).
    /// </summary>
    /// <param name="datasetRoot">The dataset folder.</param>
    /// <param name="today">Dates after this day are in the future.</param>
    /// <param name="onRead">Receives each file with its record, if it has one.</param>
    /// <param name="keepRecords">Keep each file's record after <paramref name="onRead"/>; only small datasets should.</param>
    /// <param name="readers">How many threads read files; by default one per core.</param>
    public static IReadOnlyList<DataFile> ReadAll(string datasetRoot, DateOnly today, Action<DataFile>? onRead = null, bool keepRecords = false, int? readers = null)
    {
        var root = Path.GetFullPath(datasetRoot);
        var paths = Discover(root).Order(StringComparer.Ordinal).ToList();
        var workingDirectory = Directory.GetCurrentDirectory();
        var placeholders = paths.Select(p => Placeholder(root, p, workingDirectory)).ToList();
        // Vocabularies and actors are read first: their ids and their former and common names are what
        // references are checked against (and what "did you mean" hints suggest).
        var vocabularies = placeholders.Where(f => IsVocabulary(f.Kind) || f.Kind == FileKind.Actor).ToDictionary(f => f, f => ReadInto(f, today));
        var known = DatasetValidator.CollectIds(placeholders, vocabularies.Values);

        DataFile ReadAndCheck(DataFile file)
        {
            var mentions = vocabularies.TryGetValue(file, out var read) ? read.Mentions : ReadInto(file, today).Mentions;
            DatasetValidator.Check(file, mentions, known);
            return file;
        }
        var threads = readers ?? Environment.ProcessorCount;
        var checkedFiles = threads <= 1
            ? placeholders.Select(ReadAndCheck)
            : placeholders.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(ReadAndCheck);
        var files = new List<DataFile>(placeholders.Count);
        try
        {
            foreach (var file in checkedFiles)
            {
                onRead?.Invoke(file);
                if (!keepRecords)
                {
                    file.Record = null;
                }
                files.Add(file);
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // PLINQ wraps what a reader thread throws (an unreadable file, say); callers expect the exception itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return files;
    }

    /// <summary>Files whose ids operations refer to, read before any operation.</summary>
    private static bool IsVocabulary(FileKind kind) => kind is FileKind.Platforms or FileKind.Organisations or FileKind.AssetKinds or FileKind.Topics or FileKind.Reports;

    /// <summary>Classifies a path that lies anywhere; one outside the dataset folder is unexpected.</summary>
    public static FileKind Classify(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return FileKind.Unexpected;
        }
        var parts = relative.Split('/');
        if (parts.Length != 2)
        {
            return FileKind.Unexpected;
        }
        return parts[0] switch
        {
            OperationsFolder when parts[1].EndsWith(".yaml", StringComparison.Ordinal) => FileKind.Operation,
            ActorsFolder when parts[1].EndsWith(".yaml", StringComparison.Ordinal) => FileKind.Actor,
            VocabulariesFolder when Vocabularies.TryGetValue(parts[1], out var kind) => kind,
            ReportsFolder when parts[1].EndsWith(".yaml", StringComparison.Ordinal) => FileKind.Reports,
            _ => FileKind.Unexpected,
        };
    }

    /// <summary>Reads and checks one file on its own, without the checks that look at other files.</summary>
    public static DataFile Read(string root, string fullPath, DateOnly today) =>
        ReadInto(Placeholder(root, fullPath, Directory.GetCurrentDirectory()), today).File;

    /// <summary>A file's identity, before it is read.</summary>
    private static DataFile Placeholder(string root, string fullPath, string workingDirectory)
    {
        var display = DisplayPathOf(fullPath, workingDirectory);
        return new DataFile
        {
            FullPath = fullPath,
            DisplayPath = display,
            DatasetPath = Path.GetRelativePath(root, fullPath).Replace('\\', '/'),
            Kind = Classify(root, fullPath),
            Diagnostics = new FileDiagnostics(display),
        };
    }

    /// <summary>Reads and checks a file on its own, filling in its placeholder.</summary>
    private static (DataFile File, FileMentions Mentions) ReadInto(DataFile file, DateOnly today)
    {
        var fullPath = file.FullPath;
        var kind = file.Kind;
        var bytes = File.Exists(fullPath) ? File.ReadAllBytes(fullPath) : [];
        file.Sha256 = System.Security.Cryptography.SHA256.HashData(bytes);

        if (kind == FileKind.Unexpected)
        {
            file.Diagnostics.Add(Rules.UnexpectedFile, new Position(1, 1), "",
                File.Exists(fullPath) ? "this file is not where data files go" : "no such file",
                "operations go in operations/<id>.yaml, actors in actors/<id>.yaml, vocabularies in vocabularies/{platforms,organisations,asset-kinds,topics}.yaml, reports in reports/<organisation>-<year>.yaml — with the .yaml extension");
            return (file, FileMentions.None);
        }

        var tree = YamlFileReader.Read(bytes, file.Diagnostics);
        if (tree is null)
        {
            return (file, FileMentions.None);
        }
        file.WasParsed = true;
        CheckSchemaReference(file, bytes);
        var validator = new ShapeValidator(file.Diagnostics, today);
        validator.Validate(tree, DataFile.ShapeOf(kind)!);
        Mention? recordId = null;
        if (tree is YamlMapping mapping)
        {
            if (mapping["id"] is YamlScalar { IsNull: false } id)
            {
                recordId = new Mention(kind == FileKind.Actor ? ReferenceKind.Actor : ReferenceKind.Operation, id.Value, id.Start, new FieldPath("", "id"));
            }
            RecordRules.Check(file, mapping);
            if (!file.Diagnostics.HasErrors)
            {
                file.Record = Binder.BindFile(kind, mapping, file.DatasetPath);
            }
        }
        return (file, new FileMentions(recordId, validator.Declarations, validator.References));
    }

    /// <summary>The first line of every data file, which editors with the YAML language server read.</summary>
    public static string SchemaComment(FileKind kind) => $"# yaml-language-server: $schema=../schema/{DataFile.SchemaFileName(kind)}";

    private static void CheckSchemaReference(DataFile file, byte[] bytes)
    {
        var expected = SchemaComment(file.Kind);
        // Only the leading comment block matters, so look at its lines without decoding the file.
        ReadOnlySpan<byte> rest = bytes;
        if (rest.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            rest = rest[3..];
        }
        while (rest.Length > 0 && rest[0] == (byte)'#')
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end >= 0 ? rest[..end] : rest;
            if (System.Text.Encoding.UTF8.GetString(line).Trim() == expected)
            {
                return;
            }
            rest = end >= 0 ? rest[(end + 1)..] : [];
        }
        file.Diagnostics.Add(Rules.MissingSchemaReference, new Position(1, 1), "", "the file does not name its JSON Schema",
            $"make this the first line: {expected}");
    }

    /// <summary>Every file the compiler reads under <paramref name="root"/>, in no particular order.</summary>
    public static IEnumerable<string> Discover(string root)
    {
        // Everything inside the data folders is checked (a stray .yml or .json there is a mistake);
        // elsewhere only YAML files are, since README and LICENSE files belong at the top.
        foreach (var folder in new[] { OperationsFolder, ActorsFolder, VocabulariesFolder, ReportsFolder })
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    if (!Path.GetFileName(file).StartsWith('.'))
                    {
                        yield return file;
                    }
                }
            }
        }
        foreach (var file in EnumerateYamlOutsideDataFolders(root, root))
        {
            yield return file;
        }
    }

    private static IEnumerable<string> EnumerateYamlOutsideDataFolders(string root, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            {
                yield return file;
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            var isDataFolder = folder == root && name is OperationsFolder or ActorsFolder or VocabulariesFolder or ReportsFolder;
            if (isDataFolder || IgnoredFolders.Contains(name) || name.StartsWith('.'))
            {
                continue;
            }
            foreach (var file in EnumerateYamlOutsideDataFolders(root, sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>The path printed in diagnostics: relative to the working directory when inside it.</summary>
    private static string DisplayPathOf(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
