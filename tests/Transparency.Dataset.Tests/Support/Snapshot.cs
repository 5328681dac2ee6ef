using System.Runtime.CompilerServices;
using System.Text;

namespace Transparency.Dataset.Tests.Support;

/// <summary>
/// A small stand-in for Verify (which our package source does not serve): compares text with a committed
/// <c>Snapshots/NAME.verified.EXT</c>; on a mismatch writes <c>NAME.received.EXT</c> beside it and fails
/// with a diff. To accept a change, review the diff and copy the received file over the verified one.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(FindProjectFolder(callerFile), "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet. Review {received} and rename it to accept it."
            : $"{name} differs from its snapshot; review {received} and copy it over {verified} to accept.\n{Diff(expected, actual)}");
    }

    /// <summary>Lines only in the expected text (-) and only in the actual text (+), in order, with line numbers.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var diff = new StringBuilder();
        int x = 0, y = 0, shown = 0;
        while ((x < a.Length || y < b.Length) && shown < 80)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                diff.AppendLine($"+{y + 1,5}: {b[y++]}");
                shown++;
            }
            else
            {
                diff.AppendLine($"-{x + 1,5}: {a[x++]}");
                shown++;
            }
        }
        return diff.ToString();
    }

    private static string FindProjectFolder(string callerFile)
    {
        for (var folder = Path.GetDirectoryName(callerFile); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFiles(folder, "*.csproj").Any())
            {
                return folder;
            }
        }
        throw new InvalidOperationException($"no project folder above {callerFile}");
    }
}
