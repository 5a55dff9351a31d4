using System.Management.Automation.Language;
using System.Threading;

namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>What New- and Set-MauticWebhook's named parameters send.</summary>
    static class WebhookFields
    {
        public static IEnumerable<KeyValuePair<string, object>> Of(string url, string[] trigger, string order)
        {
            if (url != null) yield return new KeyValuePair<string, object>("webhookUrl", url);
            if (trigger != null) yield return new KeyValuePair<string, object>("triggers", trigger);
            if (order != null) yield return new KeyValuePair<string, object>("eventsOrderbyDir", order.ToUpperInvariant());
        }
    }

    /// <summary>
    /// Completes -Trigger with the trigger names of the connection in -Connection or the current one (read once per
    /// connection). Not connected, or Mautic slow or failing: no suggestions, never an error or a wait beyond a few seconds.
    /// </summary>
    public sealed class WebhookTriggerCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var connection = Unwrap(fakeBoundParameters?["Connection"]) ?? Unwrap(ScriptBlock.Create("$global:MauticConnection").InvokeReturnAsIs());
                if (connection == null) return Enumerable.Empty<CompletionResult>();
                var word = (wordToComplete ?? "").Trim('\'', '"');
                using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                    return connection.Webhooks.Triggers(cts.Token)
                        .Where(t => ((string)t["Name"]).StartsWith(word, StringComparison.OrdinalIgnoreCase))
                        .Select(t => new CompletionResult((string)t["Name"], (string)t["Name"], CompletionResultType.ParameterValue, (string)t["Label"] ?? (string)t["Name"]))
                        .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        static MauticConnection Unwrap(object o) => (o is PSObject p ? p.BaseObject : o) as MauticConnection;
    }
}
