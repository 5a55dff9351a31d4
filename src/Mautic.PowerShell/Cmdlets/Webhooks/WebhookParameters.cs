using System.Management.Automation.Language;
using System.Threading;

namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>The parameters of New- and Set-MauticWebhook, the fields they send, and the trigger names' check.</summary>
    public sealed class WebhookParameters : AreaParameters
    {
        /// <summary>Where Mautic POSTs the events (http or https; a URL without a scheme gets http://). Mautic does not check that it answers.</summary>
        [Parameter]
        public string WebhookUrl { get; set; }

        /// <summary>The events to send: mautic.lead_post_save_new, mautic.form_on_submit, ... (Get-MauticWebhookTrigger lists them; tab completes them).</summary>
        [Parameter]
        [Alias("Triggers")]
        [ArgumentCompleter(typeof(WebhookTriggerCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Trigger { get; set; }

        /// <summary>The order of the events in one POST: ASC (oldest first) or DESC; Mautic's default setting when not given.</summary>
        [Parameter]
        [ValidateSet("ASC", "DESC")]
        public string EventsOrderbyDir { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("webhookUrl", WebhookUrl), ("triggers", Trigger), ("eventsOrderbyDir", EventsOrderbyDir?.ToUpperInvariant())));

        /// <summary>Trigger names (from -Trigger, -Property or a piped row) are checked against Mautic's list, read once per connection.</summary>
        internal override string Check(MauticPayload payload, MauticConnection connection, CancellationToken cancel) =>
            connection.Webhooks.CheckPayloadTriggers(payload, cancel);
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
                var connection = RecordCompleter.ConnectionOf(fakeBoundParameters);
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
    }
}
