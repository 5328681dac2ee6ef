namespace Transparency.Dataset.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Dataset => Path.Combine(Root, "dataset");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Transparency.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the tests must run inside the repository");
    }
}
