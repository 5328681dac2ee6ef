using System.CommandLine;
using Transparency.Dataset.Docs;
using Transparency.Dataset.Schema;

namespace Transparency.Dataset.Cli;

/// <summary>The verbs of <c>transparency-dataset</c>. Exit codes: 0 success, 1 the dataset has errors, 2 bad usage.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int DatasetErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var datasetOption = new Option<DirectoryInfo?>("--dataset")
        {
            Description = "The dataset folder (the one holding operations/, actors/, vocabularies/). Default: ./dataset, or the current folder if it is one.",
            Recursive = true,
        };
        var formatOption = new Option<string>("--format")
        {
            Description = "How to print problems: 'text' for people, 'github' for GitHub Actions annotations.",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        formatOption.AcceptOnlyFromAmong("text", "github");

        var root = new RootCommand("Validates the Transparency dataset's YAML files and compiles them into one SQLite file.");
        root.Options.Add(datasetOption);
        root.Options.Add(formatOption);

        var paths = new Argument<string[]>("paths") { Description = "Files or folders to report on (default: the whole dataset). References are always resolved against the whole dataset.", Arity = ArgumentArity.ZeroOrMore };
        var validate = new Command("validate", "Check every file and report every problem, with file:line:column, rule code and a hint.") { paths };
        validate.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
            Verbs.Validate(root, result.GetValue(paths) ?? [], result.GetValue(formatOption)!, output, error)));
        root.Subcommands.Add(validate);

        var outOption = new Option<FileInfo>("--out") { Description = "The SQLite file to write.", Required = true };
        var versionOption = new Option<string>("--data-version") { Description = "The data version to stamp into dataset_metadata.", DefaultValueFactory = _ => "0.0.0-dev" };
        var build = new Command("build", "Validate, then write the SQLite database. Writes nothing if there is any error.") { outOption, versionOption };
        build.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
            Verbs.Build(root, result.GetValue(outOption)!.FullName, result.GetValue(versionOption)!, result.GetValue(formatOption)!, output, error)));
        root.Subcommands.Add(build);

        var schemaOut = new Option<DirectoryInfo?>("--out") { Description = "Where to write the JSON Schemas (default: <dataset>/schema)." };
        var schema = new Command("schema", "Write the JSON Schemas that editors use to complete and check data files.") { schemaOut };
        schema.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
        {
            var folder = result.GetValue(schemaOut)?.FullName ?? Path.Combine(root, "schema");
            foreach (var (name, text) in JsonSchemaWriter.All())
            {
                WriteFile(Path.Combine(folder, name), text, output);
            }
            return Success;
        }));
        root.Subcommands.Add(schema);

        var docsOut = new Option<DirectoryInfo?>("--out") { Description = "Where to write the generated reference pages (default: docs/ beside the dataset folder)." };
        var docs = new Command("docs", "Write the generated reference pages: the field reference, the rule codes and the SQLite schema.") { docsOut };
        docs.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
        {
            var folder = result.GetValue(docsOut)?.FullName ?? Path.Combine(Path.GetDirectoryName(root)!, "docs");
            foreach (var (name, text) in ReferenceDocs.All())
            {
                WriteFile(Path.Combine(folder, name), text, output);
            }
            return Success;
        }));
        root.Subcommands.Add(docs);

        var coverageOut = new Option<FileInfo?>("--out") { Description = "Where to write the report (default: docs/coverage.md beside the dataset folder)." };
        var coverage = new Command("coverage", "Validate, then write docs/coverage.md: operations by year, origin, target and discloser, and figures by kind of source.") { coverageOut };
        coverage.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
            Verbs.Coverage(root, result.GetValue(coverageOut)?.FullName ?? Path.Combine(Path.GetDirectoryName(root)!, "docs", "coverage.md"), result.GetValue(formatOption)!, output)));
        root.Subcommands.Add(coverage);

        var releaseVersion = new Option<string>("--version") { Description = "The data version of this release, SemVer: MAJOR.MINOR.PATCH (see docs/releases.md).", Required = true };
        var previous = new Option<string>("--previous") { Description = "The previous release's database, or 'none' for the first release.", Required = true };
        var releaseOut = new Option<DirectoryInfo>("--out") { Description = "The folder to write the release into.", Required = true };
        var release = new Command("release", "Build a release: the database and its checksum, CSV and JSON Lines exports, delta and CHANGELOG entry against the previous release, datapackage.json, CITATION.cff and index.json.") { releaseVersion, previous, releaseOut };
        release.SetAction(result => WithDataset(result.GetValue(datasetOption), error, root =>
            Verbs.Release(root, result.GetValue(releaseVersion)!, result.GetValue(previous)!, result.GetValue(releaseOut)!.FullName, result.GetValue(formatOption)!, output, error)));
        root.Subcommands.Add(release);

        var oldDatabase = new Argument<FileInfo>("old") { Description = "The earlier release's database." };
        var newDatabase = new Argument<FileInfo>("new") { Description = "The later release's database." };
        var diff = new Command("diff", "Print what changed between two releases: operations added, changed (with the fields), withdrawn and merged.") { oldDatabase, newDatabase };
        diff.SetAction(result => Verbs.Diff(result.GetValue(oldDatabase)!.FullName, result.GetValue(newDatabase)!.FullName, output, error));
        root.Subcommands.Add(diff);

        var parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return InternalError;
        }
        catch (Exception e)
        {
            // Bad input is reported as diagnostics; reaching here is a bug in the compiler, not in the data.
            error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            error.WriteLine("This is a bug in the compiler; please open an issue with the command you ran. Nothing was written.");
            return InternalError;
        }
    }

    private static int WithDataset(DirectoryInfo? given, TextWriter error, Func<string, int> action)
    {
        var root = given?.FullName ?? FindDataset(Directory.GetCurrentDirectory());
        if (root is null || !Directory.Exists(root))
        {
            error.WriteLine(given is null
                ? "error: no dataset folder found here; run from the repository root, or pass --dataset <folder>"
                : $"error: the dataset folder '{given}' does not exist");
            return UsageError;
        }
        return action(root);
    }

    private static string? FindDataset(string start)
    {
        if (Directory.Exists(Path.Combine(start, "dataset", "vocabularies")) || Directory.Exists(Path.Combine(start, "dataset", "operations")))
        {
            return Path.Combine(start, "dataset");
        }
        return Directory.Exists(Path.Combine(start, "vocabularies")) || Directory.Exists(Path.Combine(start, "operations")) ? start : null;
    }

    private static void WriteFile(string path, string text, TextWriter output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        output.WriteLine($"wrote {path}");
    }
}
