namespace Transparency.Api.GraphQL;

/// <summary>
/// The in-browser IDE at GET /graphql for browsers (Accept: text/html), served with its scripts from this app
/// so that it works without reaching any CDN.
/// </summary>
public static class GraphiQLPage
{
    /// <summary>The files the page loads, by the name it loads them under, and where npm put them.</summary>
    private static readonly Dictionary<string, (string NodeModulesPath, string ContentType)> Assets = new(StringComparer.Ordinal)
    {
        ["react.production.min.js"] = ("react/umd/react.production.min.js", "text/javascript"),
        ["react-dom.production.min.js"] = ("react-dom/umd/react-dom.production.min.js", "text/javascript"),
        ["graphiql.min.js"] = ("graphiql/graphiql.min.js", "text/javascript"),
        ["graphiql.min.css"] = ("graphiql/graphiql.min.css", "text/css"),
    };

    private const string ExampleQuery = """
        # Transparency GraphQL IDE. Press the run button (or Ctrl-Enter) to run a query.
        # The Docs pane on the left documents every type, field and argument.
        #
        # Operations found on TikTok, with who disclosed them and what they removed:
        {
          operations(filter: { platform: ["tiktok"] }) {
            totalCount
            edges {
              node {
                id
                name
                origin
                totals { accountsRemoved }
                disclosures { by date actions { platform asset count qualifier } }
              }
            }
          }
        }

        # More to try:
        #   operations(filter: { origin: ["CN"], disclosedBy: ["meta"], disclosedFrom: "2022" }, orderBy: ACCOUNTS_REMOVED_DESC)
        #   operation(id: "doppelganger") { name aliases { name by } attributions { actor { name } level confidence statement } sources { url kind } }
        #   stats(filter: { origin: ["IR"] }) { byDisclosedBy { key count } accountsRemovedByYear { key count } }
        """;

    public static bool Wants(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static IResult Page() => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Transparency GraphQL IDE</title>
          <link rel="stylesheet" href="/graphql/ide/graphiql.min.css">
          <style>html, body, #ide { height: 100%; margin: 0; }</style>
        </head>
        <body>
          <div id="ide">Loading the GraphQL IDE…</div>
          <script src="/graphql/ide/react.production.min.js"></script>
          <script src="/graphql/ide/react-dom.production.min.js"></script>
          <script src="/graphql/ide/graphiql.min.js"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
            ReactDOM.createRoot(document.getElementById("ide")).render(
              React.createElement(GraphiQL, { fetcher, defaultQuery: {{System.Text.Json.JsonSerializer.Serialize(ExampleQuery)}}, defaultEditorToolsVisibility: false }));
          </script>
        </body>
        </html>
        """, "text/html; charset=utf-8");

    public static IResult Asset(string name, IWebHostEnvironment environment)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }
        foreach (var path in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "graphiql", name),
            Path.Combine(environment.ContentRootPath, "GraphiQL", "node_modules", asset.NodeModulesPath),
        })
        {
            if (File.Exists(path))
            {
                return TypedResults.PhysicalFile(path, asset.ContentType);
            }
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The IDE's files are not installed.",
            detail: "Build the app (it runs npm ci in api/Transparency.Api/GraphiQL) to install them.");
    }
}
