using System.Diagnostics;
using System.Security.Cryptography;
using Transparency.Dataset.Loading;
using Transparency.Dataset.Release;

namespace Transparency.Dataset.Cli;

internal static class Verbs
{
    public static int Validate(string datasetRoot, string[] paths, string format, TextWriter output, TextWriter error)
    {
        var result = Compiler.Validate(datasetRoot, Today());
        var reported = result.Files.AsEnumerable();
        if (paths.Length > 0)
        {
            var selected = Select(datasetRoot, paths, result.Files);
            reported = selected;
            result = result with { Files = selected };
        }
        DiagnosticPrinter.Print(reported.SelectMany(f => f.Diagnostics.Items), format, output);
        output.WriteLine(DiagnosticPrinter.Summary(result));
        return result.ErrorCount > 0 ? CommandLine.DatasetErrors : CommandLine.Success;
    }

    public static int Build(string datasetRoot, string outputPath, string dataVersion, string format, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var (result, info) = Compiler.Build(datasetRoot, Today(), outputPath, dataVersion);
        DiagnosticPrinter.Print(result.Diagnostics, format, output);
        if (info is null)
        {
            output.WriteLine($"{DiagnosticPrinter.Summary(result)}; nothing was written");
            return CommandLine.DatasetErrors;
        }
        using var stream = File.OpenRead(outputPath);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        var operations = result.Files.Count(f => f.Kind == FileKind.Operation);
        output.WriteLine($"wrote {outputPath}: {DiagnosticPrinter.Plural(operations, "operation")} from {DiagnosticPrinter.Plural(result.Files.Count, "file")}, " +
            $"schema {info.SchemaVersion}, data {info.DataVersion}, commit {info.SourceCommit}, " +
            $"in {clock.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine($"sha256 {sha256}");
        return CommandLine.Success;
    }

    public static int Coverage(string datasetRoot, string outputPath, string format, TextWriter output)
    {
        var result = Compiler.Validate(datasetRoot, Today(), keepRecords: true);
        DiagnosticPrinter.Print(result.Diagnostics, format, output);
        if (result.ErrorCount > 0)
        {
            output.WriteLine($"{DiagnosticPrinter.Summary(result)}; nothing was written");
            return CommandLine.DatasetErrors;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        File.WriteAllText(outputPath, Docs.CoverageReport.Write(result.Files.Select(f => f.Record!)));
        output.WriteLine($"wrote {outputPath}");
        return CommandLine.Success;
    }

    public static int Release(string datasetRoot, string version, string previous, string folder, string format, TextWriter output, TextWriter error)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(version, "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$"))
        {
            error.WriteLine($"error: '{version}' is not a version; use MAJOR.MINOR.PATCH, such as 2026.11.0 or 1.0.0");
            return CommandLine.UsageError;
        }
        string? previousDatabase = previous == "none" ? null : Path.GetFullPath(previous);
        if (previousDatabase is not null && !File.Exists(previousDatabase))
        {
            error.WriteLine($"error: the previous release '{previous}' does not exist; give its .db file, or 'none' for a first release");
            return CommandLine.UsageError;
        }
        var database = Path.Combine(folder, $"transparency-{version}.db");
        if (previousDatabase == database)
        {
            error.WriteLine("error: the previous release is the one being written; give an earlier release");
            return CommandLine.UsageError;
        }
        var (result, info) = Compiler.Build(datasetRoot, Today(), database, version);
        DiagnosticPrinter.Print(result.Diagnostics, format, output);
        if (info is null)
        {
            output.WriteLine($"{DiagnosticPrinter.Summary(result)}; nothing was written");
            return CommandLine.DatasetErrors;
        }
        output.WriteLine($"wrote {database}");
        foreach (var path in ReleaseWriter.Write(database, version, previousDatabase, folder))
        {
            output.WriteLine($"wrote {path}");
        }
        return CommandLine.Success;
    }

    public static int Diff(string oldDatabase, string newDatabase, TextWriter output, TextWriter error)
    {
        foreach (var path in new[] { oldDatabase, newDatabase })
        {
            if (!File.Exists(path))
            {
                error.WriteLine($"error: {path} does not exist");
                return CommandLine.UsageError;
            }
        }
        var before = DatabaseSnapshot.Read(oldDatabase);
        var after = DatabaseSnapshot.Read(newDatabase);
        var delta = Delta.Between(ReleaseWriter.Metadata(oldDatabase)["data_version"], before, ReleaseWriter.Metadata(newDatabase)["data_version"], after);
        output.Write(delta.ToMarkdown(null, after));
        return CommandLine.Success;
    }

    /// <summary>The files named on the command line; a named file that is not a data file is reported as unexpected.</summary>
    private static List<DataFile> Select(string datasetRoot, string[] paths, IReadOnlyList<DataFile> files)
    {
        var byPath = files.ToDictionary(f => f.FullPath, StringComparer.Ordinal);
        var selected = new List<DataFile>();
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (Directory.Exists(path))
            {
                var prefix = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                selected.AddRange(files.Where(f => f.FullPath.StartsWith(prefix, StringComparison.Ordinal)));
            }
            else if (byPath.TryGetValue(path, out var file))
            {
                selected.Add(file);
            }
            else
            {
                selected.Add(DatasetReader.Read(Path.GetFullPath(datasetRoot), path, Today()));
            }
        }
        return [.. selected.Distinct()];
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);
}
