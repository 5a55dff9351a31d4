using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mautic.HelpBuilder;

/// <summary>
/// Turns docs/*.md (platyPS layout: SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS with yaml blocks, INPUTS,
/// OUTPUTS, NOTES, RELATED LINKS) into one MAML file, and about_*.md into about_*.help.txt.
/// Refuses (exit 1) a page without synopsis, description, two examples or a described parameter.
/// </summary>
public static class Program
{
    static readonly XNamespace Msh = "http://msh";
    static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Mautic.HelpBuilder <docs folder> <out MAML path> [<out folder for about_*.help.txt>]");
            return 2;
        }
        var problems = new List<string>();
        var commands = new List<XElement>();
        // Cmdlet pages are Verb-Noun.md; other pages in docs/ (api-coverage.md, AddingAnArea.md) are not help.
        var cmdletPage = new Regex(@"^[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\.md$");
        foreach (var file in Directory.GetFiles(args[0], "*.md").Where(f => cmdletPage.IsMatch(Path.GetFileName(f))).OrderBy(f => f, StringComparer.Ordinal))
        {
            try { commands.Add(ToMaml(Page.Parse(File.ReadAllText(file)), problems, Path.GetFileName(file))); }
            catch (FormatException e) { problems.Add(Path.GetFileName(file) + ": " + e.Message); }
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems) Console.Error.WriteLine("error: help: " + p);
            return 1;
        }
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev), commands));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
        using (var w = new StreamWriter(args[1], false, new UTF8Encoding(false))) doc.Save(w);
        Console.WriteLine($"help: {commands.Count} cmdlets -> {args[1]}");
        if (args.Length > 2)
        {
            // Every docs/about_*.md becomes <folder>/about_*.help.txt; about_Mautic is the one that must be there.
            var abouts = Directory.GetFiles(args[0], "about_*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (!abouts.Any(f => Path.GetFileName(f) == "about_Mautic.md")) { Console.Error.WriteLine("error: help: docs/about_Mautic.md is missing"); return 1; }
            Directory.CreateDirectory(args[2]);
            foreach (var about in abouts)
                File.WriteAllText(Path.Combine(args[2], Path.GetFileNameWithoutExtension(about) + ".help.txt"), AboutText(File.ReadAllText(about)), new UTF8Encoding(false));
            Console.WriteLine($"help: {abouts.Count} about topics -> {args[2]}");
        }
        return 0;
    }

    static string AboutText(string md)
    {
        var sb = new StringBuilder();
        foreach (var line in md.Replace("\r", "").Split('\n'))
        {
            if (line.StartsWith("```")) continue;
            var m = Regex.Match(line, "^(#+)\\s*(.*)$");
            sb.AppendLine(m.Success ? (m.Groups[1].Length <= 2 ? m.Groups[2].Value.ToUpperInvariant() : m.Groups[2].Value) : "    " + line);
        }
        return sb.ToString();
    }

    static XElement Para(string text) => new(Maml + "description",
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => new XElement(Maml + "para", p.Trim())));

    static XElement ToMaml(Page page, List<string> problems, string file)
    {
        var parts = page.Name.Split('-', 2);
        if (string.IsNullOrWhiteSpace(page.Synopsis)) problems.Add(file + ": no SYNOPSIS");
        if (string.IsNullOrWhiteSpace(page.Description)) problems.Add(file + ": no DESCRIPTION");
        if (page.Examples.Count < 2) problems.Add(file + $": {page.Examples.Count} example(s); every cmdlet needs at least two");
        foreach (var p in page.Parameters.Where(p => string.IsNullOrWhiteSpace(p.Description)))
            problems.Add(file + ": parameter -" + p.Name + " has no description");

        var sets = page.Parameters.SelectMany(p => p.Sets).Where(s => s != "(All)").Distinct().ToList();
        if (sets.Count == 0) sets.Add("(All)");
        var syntax = sets.Select(set => new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", page.Name),
            page.Parameters.Where(p => p.Sets.Contains(set) || p.Sets.Contains("(All)")).Select(p => ParamElement(p, set))));

        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", parts[0]),
                new XElement(Command + "noun", parts.Length > 1 ? parts[1] : ""),
                Para(page.Synopsis)),
            Para(page.Description),
            new XElement(Command + "syntax", syntax),
            new XElement(Command + "parameters", page.Parameters.Select(p => ParamElement(p, null))),
            new XElement(Command + "inputTypes", page.Inputs.Select(t => new XElement(Command + "inputType",
                new XElement(Dev + "type", new XElement(Maml + "name", t.Name)), Para(t.Text)))),
            new XElement(Command + "returnValues", page.Outputs.Select(t => new XElement(Command + "returnValue",
                new XElement(Dev + "type", new XElement(Maml + "name", t.Name)), Para(t.Text)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", new XElement(Maml + "para", page.Notes.Trim()))),
            new XElement(Command + "examples", page.Examples.Select(e => new XElement(Command + "example",
                new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", new XElement(Maml + "para", e.Remarks.Trim()))))),
            new XElement(Command + "relatedLinks", page.Links.Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    static XElement ParamElement(Parameter p, string? set)
    {
        var pipeline = p.Pipeline.StartsWith("True", StringComparison.OrdinalIgnoreCase) ? p.Pipeline.Replace("True ", "true ").Replace("True", "true") : "false";
        return new XElement(Command + "parameter",
            new XAttribute("required", p.Required.ToString().ToLowerInvariant()),
            new XAttribute("variableLength", "true"), new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipeline), new XAttribute("position", p.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : p.Position),
            new XAttribute("aliases", string.IsNullOrEmpty(p.Aliases) ? "none" : p.Aliases),
            new XElement(Maml + "name", p.Name),
            Para(p.Description),
            p.Type == "SwitchParameter" ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Type),
            new XElement(Dev + "type", new XElement(Maml + "name", p.Type)),
            set == null ? new XElement(Dev + "defaultValue", p.Default) : null);
    }
}

public sealed record Example(string Title, string Code, string Remarks);
public sealed record TypeEntry(string Name, string Text);
public sealed record Link(string Text, string Uri);

public sealed class Parameter
{
    public string Name = "", Description = "", Type = "Object", Aliases = "", Position = "Named", Default = "None", Pipeline = "False";
    public bool Required;
    public List<string> Sets = new();
}

public sealed class Page
{
    public string Name = "", Synopsis = "", Description = "", Notes = "";
    public List<Example> Examples = new();
    public List<Parameter> Parameters = new();
    public List<TypeEntry> Inputs = new(), Outputs = new();
    public List<Link> Links = new();

    public static Page Parse(string markdown)
    {
        var text = markdown.Replace("\r", "");
        if (text.StartsWith("---")) text = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        var page = new Page();
        var title = Regex.Match(text, @"^# (\S+)\s*$", RegexOptions.Multiline);
        if (!title.Success) throw new FormatException("no '# Verb-Noun' title");
        page.Name = title.Groups[1].Value;
        var sections = Regex.Split(text, @"^## ", RegexOptions.Multiline).Skip(1)
            .Select(s => (Head: s[..s.IndexOf('\n')].Trim().ToUpperInvariant(), Body: s[(s.IndexOf('\n') + 1)..]))
            .ToDictionary(s => s.Head, s => s.Body);
        page.Synopsis = sections.GetValueOrDefault("SYNOPSIS", "").Trim();
        page.Description = sections.GetValueOrDefault("DESCRIPTION", "").Trim();
        page.Notes = sections.GetValueOrDefault("NOTES", "").Trim();
        foreach (var ex in Subsections(sections.GetValueOrDefault("EXAMPLES", "")))
        {
            var code = Regex.Match(ex.Body, "```[a-z]*\\n(.*?)\\n```", RegexOptions.Singleline);
            if (!code.Success) throw new FormatException($"example '{ex.Head}' has no code block");
            page.Examples.Add(new Example(ex.Head, code.Groups[1].Value, ex.Body[(code.Index + code.Length)..].Trim()));
        }
        foreach (var ps in Subsections(sections.GetValueOrDefault("PARAMETERS", "")))
        {
            if (ps.Head.StartsWith("CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            var p = new Parameter { Name = ps.Head.TrimStart('-') };
            var yaml = Regex.Match(ps.Body, "```yaml\\n(.*?)\\n```", RegexOptions.Singleline);
            if (!yaml.Success) throw new FormatException($"parameter {ps.Head} has no yaml block");
            p.Description = ps.Body[..yaml.Index].Trim();
            foreach (var line in yaml.Groups[1].Value.Split('\n'))
            {
                var i = line.IndexOf(':');
                if (i < 0) continue;
                var (k, v) = (line[..i].Trim(), line[(i + 1)..].Trim());
                switch (k)
                {
                    case "Type": p.Type = v; break;
                    case "Parameter Sets": p.Sets = v.Split(',').Select(x => x.Trim()).ToList(); break;
                    case "Aliases": p.Aliases = v; break;
                    case "Required": p.Required = v.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                    case "Position": p.Position = v; break;
                    case "Default value": p.Default = v; break;
                    case "Accept pipeline input": p.Pipeline = v; break;
                }
            }
            page.Parameters.Add(p);
        }
        page.Inputs = Subsections(sections.GetValueOrDefault("INPUTS", "")).Select(s => new TypeEntry(s.Head, s.Body.Trim())).ToList();
        page.Outputs = Subsections(sections.GetValueOrDefault("OUTPUTS", "")).Select(s => new TypeEntry(s.Head, s.Body.Trim())).ToList();
        page.Links = Regex.Matches(sections.GetValueOrDefault("RELATED LINKS", ""), @"\[([^\]]+)\]\(([^)]*)\)")
            .Select(m => new Link(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        return page;
    }

    static IEnumerable<(string Head, string Body)> Subsections(string body) =>
        Regex.Split(body, @"^### ", RegexOptions.Multiline).Skip(1)
            .Select(s => s.Contains('\n') ? (s[..s.IndexOf('\n')].Trim(), s[(s.IndexOf('\n') + 1)..]) : (s.Trim(), ""));
}
