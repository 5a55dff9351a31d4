using System.Security;
using Mautic.Client.Operations;

namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>
    /// Reads what a Mautic webhook POSTed (the raw body, a request with Body and Headers, or Azure Automation's
    /// $WebhookData) into one Mautic.WebhookEvent per event: Trigger, Timestamp, and the contact, e-mail, form and
    /// submission shaped as the Get- cmdlets write them. With -Secret, a post whose Webhook-Signature is missing or does
    /// not match is a SecurityError and none of it is read. Talks to no server.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "MauticWebhook", HelpUri = MauticHelp.Online + "ConvertFrom-MauticWebhook.md")]
    [OutputType(WebhookIntake.EventType)]
    public sealed class ConvertFromMauticWebhook : MauticCmdletBase
    {
        /// <summary>The post: its raw body, a request object (Body or RawBody, Headers), or $WebhookData (RequestBody, RequestHeader).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Body", "WebhookData", "Request")]
        public PSObject InputObject { get; set; }

        /// <summary>The webhook's secret (its secret property); the signature is then checked before anything is read.</summary>
        [Parameter]
        [WebhookSecret]
        public SecureString Secret { get; set; }

        /// <summary>The Webhook-Signature header's value, when the input is a body without its headers.</summary>
        [Parameter]
        public string Signature { get; set; }

        protected override void Process()
        {
            try
            {
                var post = WebhookPost.From(InputObject, Signature);
                if (Secret != null && !post.SignedWith(Secret))
                    throw new MauticApiException(post.Signature == null
                        ? $"The webhook post has no {WebhookIntake.SignatureHeader} header (and no -Signature was given), so it cannot be verified; nothing of it was read. Pass the request with its headers, or the header's value as -Signature."
                        : $"The webhook post's {WebhookIntake.SignatureHeader} does not match its body under the secret given; nothing of it was read. Either it was not sent by this Mautic webhook (or the secret is another webhook's, or an old one: Set-MauticWebhook -Replace makes a new one), or the body is not the raw text as sent (parsed and re-serialized JSON never matches).",
                        MauticErrorKind.Signature);
                foreach (var e in WebhookIntake.Events(post.Text)) WriteRecord(e);
            }
            catch (MauticApiException e) { WriteItemError(e, InputObject); }
        }
    }

    /// <summary>
    /// True when a webhook post's Webhook-Signature is the base64 HMAC-SHA256 of its raw body under the webhook's secret,
    /// compared in constant time; false when it differs or is missing.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MauticWebhookSignature", HelpUri = MauticHelp.Online + "Test-MauticWebhookSignature.md")]
    [OutputType(typeof(bool))]
    public sealed class TestMauticWebhookSignature : MauticCmdletBase
    {
        /// <summary>The webhook's secret: a SecureString, a string or a PSCredential (its password).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [WebhookSecret]
        public SecureString Secret { get; set; }

        /// <summary>The raw body as received (text or bytes).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RequestBody", "RawBody")]
        [AllowEmptyString]
        public object Body { get; set; }

        /// <summary>The Webhook-Signature header's value; missing or empty is false.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Webhook-Signature")]
        [AllowNull, AllowEmptyString]
        public string Signature { get; set; }

        protected override void Process()
        {
            try { WriteObject(WebhookPost.From(Body is PSObject p ? p : PSObject.AsPSObject(Body ?? ""), Signature).SignedWith(Secret)); }
            catch (MauticApiException e) { WriteItemError(e, Body); }
        }
    }
}
