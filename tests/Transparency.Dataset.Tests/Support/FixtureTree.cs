namespace Transparency.Dataset.Tests.Support;

/// <summary>
/// A fresh copy of the valid fixture dataset in its own temporary folder, so that every test can break it
/// its own way without touching another's.
/// </summary>
public sealed class FixtureTree : IDisposable
{
    public FixtureTree(string fixture = "valid")
    {
        Root = Path.Combine(Path.GetTempPath(), "transparency-tests", Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(FixturesFolder, fixture), Root);
    }

    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Places a file of Fixtures/broken/ at <paramref name="relative"/>.</summary>
    public string PlaceBroken(string name, string relative) =>
        Write(relative, File.ReadAllBytes(Path.Combine(FixturesFolder, "broken", name + ".yaml")));

    public CliRun Validate(params string[] extra) => CompilerCli.Run(["validate", "--dataset", Root, .. extra]);

    public CliRun Build(string output, params string[] extra) => CompilerCli.Run(["build", "--dataset", Root, "--out", output, .. extra]);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
