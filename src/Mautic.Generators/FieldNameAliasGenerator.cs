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
    /// Names you see are names you type: a record shows its name and description under the area's field names
    /// (<c>tag</c>, <c>companyname</c>, <c>title</c>), so New- and Set-Mautic&lt;Area&gt; take those names as aliases
    /// of -Name and -Description. The field names come from the resource table itself
    /// (src/Mautic.Client/Resources/MauticResource.cs, an AdditionalFiles item read as C# syntax: each row's
    /// <c>nameField</c>/<c>descriptionField</c> argument, or the constructor's default). For every concrete cmdlet
    /// deriving from <c>EntityWriteCmdlet</c> whose <c>Area</c> is a row (<c>MauticResources.Tags</c>), it writes the
    /// other half of the (partial) class: a <c>new</c> -Name or -Description with the base's attributes plus the alias,
    /// unless the cmdlet already binds that name (New-MauticNote's own -Text, New-MauticUser's -UserName).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FieldNameAliasGenerator : IIncrementalGenerator
    {
        const string WriteCmdletName = "Mautic.PowerShell.Base.EntityWriteCmdlet";
        const string TableFile = "MauticResource.cs";
        const string ParameterAttributeName = "System.Management.Automation.ParameterAttribute";
        const string AliasAttributeName = "System.Management.Automation.AliasAttribute";

        /// <summary>The base parameter and the constructor parameter of the table that names its field.</summary>
        static readonly (string Parameter, string TableArgument)[] Aliased = { ("Name", "nameField"), ("Description", "descriptionField") };

        static readonly DiagnosticDescriptor NotPartial = new DiagnosticDescriptor("MAUTICGEN004",
            "Cmdlet whose area names its fields otherwise must be partial",
            "{0} writes {1}, whose {2} field is '{3}': declare it partial so that -{4} takes the alias -{3}",
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
            var cmdlets = context.SyntaxProvider.CreateSyntaxProvider(
                    (node, _) => node is ClassDeclarationSyntax c && c.BaseList != null,
                    (ctx, cancel) => Candidate.Of((ClassDeclarationSyntax)ctx.Node, ctx.SemanticModel.GetDeclaredSymbol((ClassDeclarationSyntax)ctx.Node, cancel)))
                .Where(x => x != null);
            context.RegisterSourceOutput(cmdlets.Combine(table), (spc, x) =>
            {
                var rows = x.Right.FirstOrDefault();
                if (rows == null) return;
                var output = x.Left.Describe(rows);
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
                var area = AreaParameterGenerator.AreaParameterType(cls);
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

            public AreaParameterGenerator.Output Describe(IReadOnlyDictionary<string, Dictionary<string, string>> rows)
            {
                var problems = new List<Diagnostic>();
                if (!rows.TryGetValue(Row, out var fields))
                {
                    problems.Add(Diagnostic.Create(UnknownRow, Location, Name, Row));
                    return new AreaParameterGenerator.Output(null, null, problems);
                }
                var aliases = new List<(string Parameter, string Alias)>();
                foreach (var (parameter, argument) in Aliased)
                    if (Bases.ContainsKey(parameter) && fields.TryGetValue(argument, out var field) && field != null && !Bound.Contains(field))
                        aliases.Add((parameter, field));
                if (aliases.Count == 0) return new AreaParameterGenerator.Output(null, null, problems);
                if (!Partial)
                {
                    foreach (var (parameter, alias) in aliases)
                        problems.Add(Diagnostic.Create(NotPartial, Location, Name, "MauticResources." + Row, parameter == "Name" ? "name" : "description", alias, parameter));
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

        /// <summary>The resource table read as syntax: per row (MauticResources.X), its constructor arguments by parameter name.</summary>
        static class Table
        {
            public static IReadOnlyDictionary<string, Dictionary<string, string>> Parse(string text)
            {
                var root = CSharpSyntaxTree.ParseText(text).GetRoot();
                var ctor = root.DescendantNodes().OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == "MauticResource");
                var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                if (ctor == null) return rows;
                var parameters = ctor.ParameterList.Parameters;
                foreach (var field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
                    foreach (var v in field.Declaration.Variables)
                    {
                        if (!(v.Initializer?.Value is ObjectCreationExpressionSyntax create) || create.Type.ToString() != "MauticResource") continue;
                        var values = parameters.ToDictionary(p => p.Identifier.Text, p => Constant(p.Default?.Value), StringComparer.Ordinal);
                        var args = create.ArgumentList?.Arguments ?? default;
                        for (var i = 0; i < args.Count; i++)
                        {
                            var name = args[i].NameColon?.Name.Identifier.Text ?? (i < parameters.Count ? parameters[i].Identifier.Text : null);
                            if (name != null) values[name] = Constant(args[i].Expression);
                        }
                        rows[v.Identifier.Text] = values;
                    }
                return rows;
            }

            /// <summary>A string literal's value; anything else (null, a bool, an array) is null here.</summary>
            static string Constant(ExpressionSyntax e) =>
                e is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) ? l.Token.ValueText : null;
        }
    }
}
