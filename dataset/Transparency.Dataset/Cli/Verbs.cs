using System.Diagnostics;
using System.Security.Cryptography;
using Transparency.Dataset.Loading;

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
        var result = Compiler.Validate(datasetRoot, Today());
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
