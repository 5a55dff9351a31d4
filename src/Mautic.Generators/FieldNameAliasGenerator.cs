using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mautic.Generators
{
    /// <summary>
    /// Names you see are names you type. A record shows its name and description under the area's field names
    /// (<c>tag</c>, <c>companyname</c>, <c>title</c>), so New- and Set-Mautic&lt;Area&gt; take those names as aliases of
    /// -Name and -Description; and every other column of the records' table view (Mautic.Format.ps1xml) that Mautic lets
    /// a user write becomes a parameter of that name (-IsPublished, -Weight, -Companycity), whose value is sent as that
    /// field (<c>EntityWriteCmdlet.ShownFields</c>): an <c>isX</c> field as a switch, any other as given.
    /// The field names and read-only properties come from the resource table itself
    /// (src/Mautic.Client/Resources/MauticResource.cs, an AdditionalFiles item read as C# syntax: each row's
    /// <c>nameField</c>/<c>descriptionField</c>/<c>readOnly</c> arguments, the constructor's defaults and
    /// <c>CommonReadOnly</c>). For every concrete cmdlet deriving from <c>EntityWriteCmdlet</c> whose <c>Area</c> is a row
    /// (<c>MauticResources.Tags</c>), it writes the other half of the (partial) class. A column is left alone when it is
    /// read-only in the table, when the cmdlet already binds its name (New-MauticNote's own -Text, -Trigger's alias
    /// Triggers), or, on Set-, when the area parameter class holds it without [Parameter] (create-only: a category's bundle).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FieldNameAliasGenerator : IIncrementalGenerator
    {
        const string WriteCmdletName = "Mautic.PowerShell.Base.EntityWriteCmdlet";
        const string TableFile = "MauticResource.cs";
        const string ViewFile = "Mautic.Format.ps1xml";
        const string OutputTypeAttributeName = "System.Management.Automation.OutputTypeAttribute";
        /// <summary>The cmdlet's store of the values given to generated field parameters (EntityWriteCmdlet.ShownFields).</summary>
        const string Store = "ShownFields";
        const string ParameterAttributeName = "System.Management.Automation.ParameterAttribute";
        const string AliasAttributeName = "System.Management.Automation.AliasAttribute";

        /// <summary>The base parameter and the constructor parameter of the table that names its field.</summary>
        static readonly (string Parameter, string TableArgument)[] Aliased = { ("Name", "nameField"), ("Description", "descriptionField") };

        static readonly DiagnosticDescriptor NotPartial = new DiagnosticDescriptor("MAUTICGEN004",
            "Cmdlet that writes fields its records show must be partial",
            "{0} writes {1}, whose records show fields it does not take yet: declare it partial so that it takes {2}",
            "Mautic.Generators", DiagnosticSeverity.Error, isEnabledByDefault: true);

        static readonly DiagnosticDescriptor UnknownRow = new DiagnosticDescriptor("MAUTICGEN005",
            "Area is not a row of the resource table",
            "{0}: MauticResources.{1} is not a row of " + TableFile + " as this generator reads it",
            "Mautic.Generators", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var table = context.AdditionalTextsProvider
                .Where(t => Path.GetFileName(t.Path) == TableFile)
                .Select((t, cancel) => Table.Parse(t.GetText(cancel)?.ToString() ?? ""))
                .Collect();
            var views = context.AdditionalTextsProvider
                .Where(t => Path.GetFileName(t.Path) == ViewFile)
                .Select((t, cancel) => Views(t.GetText(cancel)?.ToString() ?? ""))
                .Collect();
            var cmdlets = context.SyntaxProvider.CreateSyntaxProvider(
                    (node, _) => node is ClassDeclarationSyntax c && c.BaseList != null,
                    (ctx, cancel) => Candidate.Of((ClassDeclarationSyntax)ctx.Node, ctx.SemanticModel.GetDeclaredSymbol((ClassDeclarationSyntax)ctx.Node, cancel)))
                .Where(x => x != null);
            context.RegisterSourceOutput(cmdlets.Combine(table.Combine(views)), (spc, x) =>
            {
                var rows = x.Right.Left.FirstOrDefault();
                if (rows == null) return;
                var output = x.Left.Describe(rows, x.Right.Right.FirstOrDefault() ?? new Dictionary<string, List<string>>());
                foreach (var d in output.Problems) spc.ReportDiagnostic(d);
                if (output.Source != null) spc.AddSource(output.HintName, output.Source);
            });
        }

        /// <summary>What the generator needs of one concrete entity write cmdlet, taken from its symbol.</summary>
        sealed class Candidate
        {
            public string Name, Namespace, ClassName, Row;
            public bool Partial;
            public Location Location;
            /// <summary>Every parameter name and alias the cmdlet binds already (its own, its bases', its area parameters').</summary>
            public HashSet<string> Bound;
            /// <summary>The base's -Name and -Description: their attributes as C#, and their aliases.</summary>
            public Dictionary<string, (string Type, List<string> Attributes, List<string> Aliases)> Bases;
            /// <summary>The type names of the records it writes ([OutputType]).</summary>
            public List<string> OutputTypes;
            /// <summary>
            /// Fields the cmdlet's area parameter class holds without [Parameter] (a create-only field that only the
            /// New&lt;Area&gt;Parameters subclass makes a parameter: a category's bundle): Set- gets no parameter for them.
            /// </summary>
            public HashSet<string> CreateOnly;

            public static Candidate Of(ClassDeclarationSyntax syntax, INamedTypeSymbol cls)
            {
                if (cls == null || cls.IsAbstract || !Derives(cls, WriteCmdletName)) return null;
                if (cls.DeclaringSyntaxReferences[0].SyntaxTree != syntax.SyntaxTree || cls.DeclaringSyntaxReferences[0].Span != syntax.Span) return null;
                var row = AreaRow(cls);
                if (row == null) return null;
                var c = new Candidate
                {
                    Name = cls.ToDisplayString(), ClassName = cls.Name, Row = row, Location = syntax.Identifier.GetLocation(),
                    Namespace = cls.ContainingNamespace.IsGlobalNamespace ? null : cls.ContainingNamespace.ToDisplayString(),
                    Partial = syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)),
                    Bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                    Bases = new Dictionary<string, (string, List<string>, List<string>)>(),
                };
                c.OutputTypes = cls.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == OutputTypeAttributeName)
                    .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Kind == TypedConstantKind.Array ? arg.Values : ImmutableArray.Create(arg)))
                    .Select(v => v.Value as string).Where(v => v != null).ToList();
                c.CreateOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var area = AreaParameterGenerator.AreaParameterType(cls);
                if (area != null)
                {
                    // A create-only field is a property of T without [Parameter]; the New<Area>Parameters subclass (in T's
                    // namespace) that makes it a parameter may give it an alias under the column's name (a note's lead).
                    var held = Properties(area).Where(p => !p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ParameterAttributeName))
                        .Select(p => p.Name).ToList();
                    c.CreateOnly.UnionWith(held);
                    foreach (var sub in area.ContainingNamespace.GetTypeMembers().Where(t => SymbolEqualityComparer.Default.Equals(t.BaseType, area)))
                        foreach (var p in sub.GetMembers().OfType<IPropertySymbol>().Where(p => held.Contains(p.Name)))
                            c.CreateOnly.UnionWith(Aliases(p));
                }
                foreach (var p in Properties(cls).Concat(area == null ? Enumerable.Empty<IPropertySymbol>() : Properties(area)))
                {
                    if (!p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ParameterAttributeName)) continue;
                    c.Bound.Add(p.Name);
                    foreach (var alias in Aliases(p)) c.Bound.Add(alias);
                }
                foreach (var (parameter, _) in Aliased)
                {
                    var p = Properties(cls).FirstOrDefault(q => q.Name == parameter && q.ContainingType.ToDisplayString() == WriteCmdletName);
                    if (p == null) continue;
                    var attributes = p.GetAttributes().Where(a => AreaParameterGenerator.Copied(a) && a.AttributeClass?.ToDisplayString() != AliasAttributeName)
                        .Select(AreaParameterGenerator.Render).ToList();
                    c.Bases[parameter] = (p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), attributes, Aliases(p).ToList());
                }
                return c;
            }

            /// <summary>The row of MauticResources that the cmdlet's Area returns, when that is all it returns.</summary>
            static string AreaRow(INamedTypeSymbol cls)
            {
                for (var t = cls; t != null; t = t.BaseType)
                {
                    var area = t.GetMembers("Area").OfType<IPropertySymbol>().FirstOrDefault();
                    if (area == null) continue;
                    if (area.IsAbstract) return null;
                    var syntax = area.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>().FirstOrDefault();
                    return syntax?.ExpressionBody?.Expression is MemberAccessExpressionSyntax m
                        && m.Expression.ToString().EndsWith("MauticResources", StringComparison.Ordinal) ? m.Name.Identifier.Text : null;
                }
                return null;
            }

            public AreaParameterGenerator.Output Describe(IReadOnlyDictionary<string, Row> rows, IReadOnlyDictionary<string, List<string>> views)
            {
                var problems = new List<Diagnostic>();
                if (!rows.TryGetValue(Row, out var row))
                {
                    problems.Add(Diagnostic.Create(UnknownRow, Location, Name, Row));
                    return new AreaParameterGenerator.Output(null, null, problems);
                }
                var aliases = new List<(string Parameter, string Alias)>();
                foreach (var (parameter, argument) in Aliased)
                    if (Bases.ContainsKey(parameter) && row.Arguments.TryGetValue(argument, out var field) && field != null && !Bound.Contains(field))
                        aliases.Add((parameter, field));
                // Every other column of the records' table view that Mautic lets a user write gets a parameter of its own.
                var named = new HashSet<string>(Aliased.Select(a => row.Arguments.TryGetValue(a.TableArgument, out var f) ? f : null).Where(f => f != null), StringComparer.OrdinalIgnoreCase);
                var shown = OutputTypes.Where(views.ContainsKey).SelectMany(t => views[t])
                    .Where(h => !row.ReadOnly.Contains(h) && !Bound.Contains(h) && !named.Contains(h) && !CreateOnly.Contains(h) && SyntaxFacts.IsValidIdentifier(h))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (aliases.Count == 0 && shown.Count == 0) return new AreaParameterGenerator.Output(null, null, problems);
                if (!Partial)
                {
                    var names = aliases.Select(a => "-" + a.Alias + " (alias of -" + a.Parameter + ")").Concat(shown.Select(h => "-" + h));
                    problems.Add(Diagnostic.Create(NotPartial, Location, Name, "MauticResources." + Row, string.Join(", ", names)));
                    return new AreaParameterGenerator.Output(null, null, problems);
                }
                var src = new StringBuilder();
                src.Append("// <auto-generated>Mautic.Generators.FieldNameAliasGenerator: -Name and -Description under the field names of MauticResources.")
                   .Append(Row).Append(".</auto-generated>\n#nullable disable\n");
                if (Namespace != null) src.Append("namespace ").Append(Namespace).Append("\n{\n");
                src.Append("    partial class ").Append(ClassName).Append("\n    {\n");
                foreach (var (parameter, alias) in aliases)
                {
                    var b = Bases[parameter];
                    foreach (var a in b.Attributes) src.Append("        [").Append(a).Append("]\n");
                    src.Append("        [global::").Append(AliasAttributeName).Append("(")
                       .Append(string.Join(", ", b.Aliases.Append(alias).Select(s => SymbolDisplay.FormatLiteral(s, true)))).Append(")]\n");
                    src.Append("        public new ").Append(b.Type).Append(' ').Append(parameter)
                       .Append(" { get => base.").Append(parameter).Append("; set => base.").Append(parameter).Append(" = value; }\n");
                }
                foreach (var h in shown)
                {
                    // isPublished, isAdmin: a switch (-IsPublished, -IsPublished:$false); any other field takes its value as given.
                    var flag = h.Length > 2 && h.StartsWith("is", StringComparison.Ordinal) && char.IsUpper(h[2]);
                    var key = SymbolDisplay.FormatLiteral(h, true);
                    src.Append("        [global::").Append(ParameterAttributeName).Append("]\n");
                    src.Append("        public ").Append(flag ? "global::System.Management.Automation.SwitchParameter" : "object").Append(' ')
                       .Append(char.ToUpperInvariant(h[0])).Append(h.Substring(1))
                       .Append(" { get => ").Append(flag ? "new global::System.Management.Automation.SwitchParameter(" + Store + ".TryGetValue(" + key + ", out var v) && v is bool b && b)" : Store + ".TryGetValue(" + key + ", out var v) ? v : null")
                       .Append("; set => ").Append(Store).Append('[').Append(key).Append("] = ").Append(flag ? "value.IsPresent" : "value").Append("; }\n");
                }
                src.Append("    }\n");
                if (Namespace != null) src.Append("}\n");
                return new AreaParameterGenerator.Output(Name + ".FieldNameAliases.g.cs", src.ToString(), problems);
            }
        }

        static bool Derives(INamedTypeSymbol cls, string baseName)
        {
            for (var b = cls.BaseType; b != null; b = b.BaseType)
                if (b.ToDisplayString() == baseName) return true;
            return false;
        }

        /// <summary>The public instance properties of a class and its bases, the most derived first.</summary>
        static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol cls)
        {
            for (var t = cls; t != null; t = t.BaseType)
                foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
                    if (!p.IsStatic && p.DeclaredAccessibility == Accessibility.Public) yield return p;
        }

        static IEnumerable<string> Aliases(IPropertySymbol p) =>
            p.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AliasAttributeName)
                .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Kind == TypedConstantKind.Array ? arg.Values : ImmutableArray.Create(arg)))
                .Select(v => v.Value as string).Where(v => v != null);

        /// <summary>One row of the table: its constructor arguments by parameter name (string literals), and its read-only properties.</summary>
        sealed class Row
        {
            public readonly Dictionary<string, string> Arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            public readonly HashSet<string> ReadOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The column headers of each table view in Mautic.Format.ps1xml, by the type name it shows.</summary>
        static IReadOnlyDictionary<string, List<string>> Views(string text)
        {
            var views = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(text)) return views;
            foreach (var view in System.Xml.Linq.XDocument.Parse(text).Descendants("View").Where(v => v.Element("TableControl") != null))
                foreach (var type in view.Descendants("TypeName"))
                    views[type.Value.Trim()] = view.Descendants("TableColumnHeader").Select(h => (string)h.Element("Label")).Where(h => !string.IsNullOrEmpty(h)).ToList();
            return views;
        }

        /// <summary>The resource table read as syntax: per row (MauticResources.X), its constructor arguments by parameter name.</summary>
        static class Table
        {
            const string ReadOnlyParameter = "readOnly", CommonReadOnly = "CommonReadOnly";

            public static IReadOnlyDictionary<string, Row> Parse(string text)
            {
                var root = CSharpSyntaxTree.ParseText(text).GetRoot();
                var ctor = root.DescendantNodes().OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == "MauticResource");
                var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
                if (ctor == null) return rows;
                var common = root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(d => d.Identifier.Text == CommonReadOnly)
                    .SelectMany(d => Strings(d.Initializer?.Value)).ToList();
                var parameters = ctor.ParameterList.Parameters;
                foreach (var field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
                    foreach (var v in field.Declaration.Variables)
                    {
                        if (!(v.Initializer?.Value is ObjectCreationExpressionSyntax create) || create.Type.ToString() != "MauticResource") continue;
                        var row = new Row();
                        foreach (var p in parameters) row.Arguments[p.Identifier.Text] = Constant(p.Default?.Value);
                        row.ReadOnly.UnionWith(common);
                        var args = create.ArgumentList?.Arguments ?? default;
                        for (var i = 0; i < args.Count; i++)
                        {
                            var name = args[i].NameColon?.Name.Identifier.Text ?? parameters[Math.Min(i, parameters.Count - 1)].Identifier.Text;
                            if (name == ReadOnlyParameter) row.ReadOnly.UnionWith(Strings(args[i].Expression));
                            else row.Arguments[name] = Constant(args[i].Expression);
                        }
                        rows[v.Identifier.Text] = row;
                    }
                return rows;
            }

            /// <summary>The string literals of a literal, an array (new[] { ... }) or an array initializer ({ ... }).</summary>
            static IEnumerable<string> Strings(ExpressionSyntax e) =>
                e == null ? Enumerable.Empty<string>()
                : Constant(e) is string one ? new[] { one }
                : e.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => l.Token.ValueText);

            /// <summary>A string literal's value; anything else (null, a bool, an array) is null here.</summary>
            static string Constant(ExpressionSyntax e) =>
                e is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) ? l.Token.ValueText : null;
        }
    }
}
