namespace Mautic.FakeServer;

/// <summary>One route of Mautic 5.1 as routes.tsv lists it.</summary>
public sealed record TableRoute(string Area, string Operation, string Method, string Path, bool InSource)
{
    readonly Regex _match = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    public bool Matches(string method, string path) => string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _match.IsMatch(path);
}

/// <summary>
/// The fake's own copy of Mautic 5.1's route table (routes.tsv, generated from ../shared/reference by
/// update-routes.sh; never the client's tables). A request the fake has no handler for is answered from it: a route
/// real Mautic has is 501 "not emulated", so a missing piece of the fake is never mistaken for Mautic's own 404.
/// </summary>
public static class RouteTable
{
    static readonly Lazy<IReadOnlyList<TableRoute>> Rows = new(Load);

    public static IReadOnlyList<TableRoute> All => Rows.Value;

    /// <summary>The table's route this request names (literal segments win over parameters), or null.</summary>
    public static TableRoute? Find(string method, string path) =>
        All.Where(r => r.InSource && r.Matches(method, path)).OrderByDescending(r => r.Path.Count(c => c == '{') == 0).ThenBy(r => r.Path.Count(c => c == '{')).FirstOrDefault();

    static IReadOnlyList<TableRoute> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "routes.tsv");
        return File.ReadAllLines(file).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 5)
            .Select(c => new TableRoute(c[0], c[1], c[2], c[3], c[4] == "yes")).ToList();
    }
}
