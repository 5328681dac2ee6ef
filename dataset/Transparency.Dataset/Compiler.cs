using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Transparency.Dataset.Build;
using Transparency.Dataset.Loading;
using Transparency.Dataset.Validation;

namespace Transparency.Dataset;

/// <summary>When a record's file was first committed and last changed, as UTC ISO 8601 timestamps.</summary>
public sealed record RecordDates(string Published, string Modified);

/// <summary>The outcome of reading and checking a dataset folder.</summary>
public sealed record ValidationResult(string DatasetRoot, IReadOnlyList<DataFile> Files)
{
    public IEnumerable<Diagnostic> Diagnostics => Files.SelectMany(f => f.Diagnostics.Items);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>The compiler's two steps: validate a dataset folder, and build a SQLite file from a valid one.</summary>
public static class Compiler
{
    /// <summary>Reads and checks every file; with <paramref name="keepRecords"/>, a valid file keeps its record for the caller.</summary>
    public static ValidationResult Validate(string datasetRoot, DateOnly today, bool keepRecords = false) =>
        new(Path.GetFullPath(datasetRoot), DatasetReader.ReadAll(datasetRoot, today, onRead: null, keepRecords));

    /// <summary>
    /// Validates and, when there is no error, writes the database; the result says which. The database is
    /// written while the files are read and thrown away if any error turns up. Everything that goes into
    /// the file derives from the inputs and git.
    /// </summary>
    public static (ValidationResult Result, BuildInfo? Info) Build(string datasetRoot, DateOnly today, string outputPath, string dataVersion)
    {
        using var builder = SqliteBuilder.Start(outputPath, RecordHistory(datasetRoot));
        // One core is left to the thread that writes the database: on the 2-core machines this project is
        // measured on, two readers and the writer took longer than one reader and the writer (docs/performance.md).
        var files = DatasetReader.ReadAll(datasetRoot, today, file =>
        {
            if (file.Record is not null)
            {
                builder.Add(file.Record);
            }
        }, readers: Math.Max(1, Environment.ProcessorCount - 1));
        var result = new ValidationResult(Path.GetFullPath(datasetRoot), files);
        if (result.ErrorCount > 0)
        {
            return (result, null);
        }
        var (commit, committedAt) = GitState(result.DatasetRoot);
        var info = new BuildInfo(SqliteBuilder.SchemaVersion, dataVersion, commit, committedAt, InputChecksum(result.Files));
        builder.Finish(info);
        return (result, info);
    }

    /// <summary>SHA-256 over every data file's dataset-relative path and the SHA-256 of its bytes, in path order.</summary>
    public static string InputChecksum(IEnumerable<DataFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.DatasetPath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.DatasetPath}\0"));
            hash.AppendData(file.Sha256);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The commit the dataset was built from and that commit's time, which stands in for the build time so
    /// that rebuilding the same commit gives the same bytes. A tree with uncommitted changes under the dataset
    /// folder is marked "+dirty"; outside git both are "unknown".
    /// </summary>
    private static (string Commit, string CommittedAt) GitState(string datasetRoot)
    {
        var head = RunGit(datasetRoot, "log", "-1", "--format=%H %cI");
        if (head is null || !head.Contains(' ', StringComparison.Ordinal))
        {
            return ("unknown", "unknown");
        }
        var parts = head.Split(' ', 2);
        var dirty = RunGit(datasetRoot, "status", "--porcelain", "--", DatasetReader.OperationsFolder, DatasetReader.ActorsFolder, DatasetReader.VocabulariesFolder);
        return (string.IsNullOrWhiteSpace(dirty) ? parts[0] : parts[0] + "+dirty", parts[1]);
    }

    /// <summary>
    /// When each operation and actor file was first committed (published) and last changed (modified), from one
    /// pass over git history, keyed by dataset-relative path. Files not yet committed, or a tree outside git,
    /// have no entry. Stamped at build time, never typed by hand.
    /// </summary>
    public static IReadOnlyDictionary<string, RecordDates> RecordHistory(string datasetRoot)
    {
        var history = new Dictionary<string, RecordDates>(StringComparer.Ordinal);
        var log = RunGit(Path.GetFullPath(datasetRoot), "log", "--format=%x01%cI", "--name-only", "--relative", "--no-renames", "--",
            DatasetReader.OperationsFolder, DatasetReader.ActorsFolder);
        if (log is null)
        {
            return history;
        }
        // Newest commit first: the first date seen for a path is its last change, the last one its first commit.
        foreach (var commit in log.Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var date = DateTimeOffset.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var path in lines.Skip(1))
            {
                history[path] = history.TryGetValue(path, out var known) ? known with { Published = date } : new RecordDates(date, date);
            }
        }
        return history;
    }

    private static string? RunGit(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
