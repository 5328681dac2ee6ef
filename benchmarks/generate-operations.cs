// Writes a synthetic dataset tree for benchmarks: the real vocabularies and actors, plus N generated
// operations of varied size. Fictional by construction; never copy its output into dataset/.
// Usage: dotnet run benchmarks/generate-operations.cs -- <count> <output-folder>
using System.Globalization;
using System.Text;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var output = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "transparency-synthetic");
var repository = FindRepository();
var random = new Random(20261122);

if (Directory.Exists(output))
{
    Directory.Delete(output, recursive: true);
}
Directory.CreateDirectory(Path.Combine(output, "operations"));
foreach (var folder in new[] { "vocabularies", "actors" })
{
    Directory.CreateDirectory(Path.Combine(output, folder));
    foreach (var file in Directory.GetFiles(Path.Combine(repository, "dataset", folder), "*.yaml"))
    {
        File.Copy(file, Path.Combine(output, folder, Path.GetFileName(file)));
    }
}

string[] platforms = ["facebook", "instagram", "x", "youtube", "tiktok", "telegram", "vk", "reddit"];
string[] assets = ["account", "page", "group", "channel"];
string[] organisations = ["meta", "twitter", "google-tag", "graphika", "microsoft", "openai", "dfrlab", "isd"];
string[] topics = ["covid-19", "us-elections", "ukraine-war", "taiwan", "migration", "nato", "xinjiang"];
string[] countries = ["CN", "RU", "IR", "US", "GB", "FR", "DE", "IN", "BR", "NG", "EG", "SA", "TR", "IL", "NO"];
string[] levels = ["direct", "linked-individuals", "proxy", "origin-only"];
string[] qualifiers = ["exact", "about", "more-than", "at-least"];
var actors = Directory.GetFiles(Path.Combine(output, "actors")).Select(Path.GetFileNameWithoutExtension).ToArray();

for (var i = 0; i < count; i++)
{
    var id = $"synthetic-operation-{i:D5}";
    var text = new StringBuilder();
    text.AppendLine("# yaml-language-server: $schema=../schema/operation.schema.json");
    text.AppendLine($"id: {id}");
    text.AppendLine($"name: Synthetic operation {i}");
    text.AppendLine("summary: >-");
    text.AppendLine($"  A generated record for benchmarking the compiler, number {i}. It stands in for a real summary of two to four");
    text.AppendLine($"  sentences, about as long as the dataset's own: who ran the network, which platforms it used, whom it targeted");
    text.AppendLine($"  and how, with words to index such as network, accounts, pages, personas, news outlets and {Pick(topics)}.");
    var sourceCount = random.Next(1, 7);
    var year = random.Next(2014, 2025);
    text.AppendLine("activity:");
    text.AppendLine($"  first_seen: {year}-{random.Next(1, 13):D2}");
    text.AppendLine($"  last_seen: {year + 1}");
    text.AppendLine("  source: s0");
    text.AppendLine($"origin: [{Pick(countries)}]");
    text.AppendLine($"targets: {{ countries: [{string.Join(", ", countries.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))}], languages: [en] }}");
    text.AppendLine($"topics: [{string.Join(", ", topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))}]");
    text.AppendLine("attributions:");
    for (var a = 0; a < random.Next(1, 4); a++)
    {
        text.AppendLine($"  - actor: {Pick(actors)}");
        text.AppendLine($"    by: {Pick(organisations)}");
        text.AppendLine($"    date: {year + 1}-0{random.Next(1, 10)}");
        text.AppendLine($"    level: {Pick(levels)}");
        text.AppendLine("    confidence: stated");
        text.AppendLine("    statement: >-");
        text.AppendLine("      A generated paraphrase of what the discloser said about who ran the operation, about as long as a real");
        text.AppendLine("      statement, which names the actor and the evidence the discloser gave for the link.");
        text.AppendLine($"    source: s{random.Next(sourceCount)}");
    }
    text.AppendLine("disclosures:");
    // As many disclosures as sources at least, so that every source is cited, as in real files.
    var disclosureCount = Math.Max(sourceCount, random.Next(1, 7));
    for (var d = 0; d < disclosureCount; d++)
    {
        text.AppendLine($"  - id: d{d}");
        text.AppendLine($"    by: {Pick(organisations)}");
        text.AppendLine($"    date: {year + 1}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}");
        text.AppendLine($"    source: s{d % sourceCount}");
        text.AppendLine("    summary: >-");
        text.AppendLine("      A generated summary of what this disclosure found, in a sentence or two, as contributors write them.");
        text.AppendLine("    actions:");
        for (var x = 0; x < random.Next(1, 9); x++)
        {
            var note = random.Next(3) == 0 ? ", note: \"what the count covers, when it is not plain\"" : "";
            text.AppendLine($"      - {{ platform: {Pick(platforms)}, asset: {Pick(assets)}, count: {random.Next(1, 100_000)}, qualifier: {Pick(qualifiers)}{note} }}");
        }
        text.AppendLine("    reach:");
        text.AppendLine($"      - {{ metric: followers, value: {random.Next(0, 1_000_000)}, qualifier: about, platform: {Pick(platforms)} }}");
    }
    text.AppendLine("sources:");
    for (var s = 0; s < sourceCount; s++)
    {
        text.AppendLine($"  - id: s{s}");
        text.AppendLine($"    url: https://news.example.org/{year + 1}/{id}/coverage-of-the-takedown-{s}");
        text.AppendLine($"    title: Generated source {s}, titled about as long as a real news headline on a takedown");
        text.AppendLine("    publisher: Example News");
        text.AppendLine($"    published: {year + 1}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}");
        text.AppendLine("    kind: secondary");
        text.AppendLine("    original: Example Platform, a quarterly adversarial threat report");
    }
    File.WriteAllText(Path.Combine(output, "operations", id + ".yaml"), text.ToString());
}
Console.WriteLine($"wrote {count} operations to {output}");

T Pick<T>(T[] items) => items[random.Next(items.Length)];

static string FindRepository()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Transparency.sln")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException("run from inside the repository");
}
