using System.Management.Automation.Language;
using Mautic.Client.Files;

namespace Mautic.PowerShell.Base
{
    /// <summary>Completes -Encoding of Import-MauticContact and Export-MauticContact with the names Import-Csv and Export-Csv take.</summary>
    public sealed class EncodingCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            TextEncodings.Names.Where(n => n.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
    }
}
