using System.Globalization;
using Mautic.Client.Json;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Records UTM tags (campaign, source, medium ...) on contacts: one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticContactUtm", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticContactUtm.md")]
    [OutputType("Mautic.Contact")]
    public sealed class AddMauticContactUtm : PerContactChangeCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("utm_campaign")] public string Campaign { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("utm_source")] public string Source { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("utm_medium")] public string Medium { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("utm_content")] public string Content { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("utm_term")] public string Term { get; set; }
        /// <summary>The page the visit landed on.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Url { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Referer { get; set; }
        /// <summary>The browser's user agent; Mautic also records it as one of the contact's devices.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)] public string UserAgent { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string RemoteHost { get; set; }
        /// <summary>The query string's values: @{ gclid = 'abc' }.</summary>
        [Parameter] public Hashtable Query { get; set; }
        /// <summary>Also sets the contact's last activity to this time.</summary>
        [Parameter] public DateTime? LastActive { get; set; }

        protected override string Action => "Record UTM tags";

        protected override MauticPayload Payload()
        {
            var body = new MauticPayload();
            void Put(string key, string value) { if (!string.IsNullOrEmpty(value)) body[key] = value; }
            Put("utm_campaign", Campaign); Put("utm_source", Source); Put("utm_medium", Medium); Put("utm_content", Content); Put("utm_term", Term);
            Put("url", Url); Put("referer", Referer); Put("useragent", UserAgent); Put("remotehost", RemoteHost);
            if (Query != null && Query.Count > 0) body["query"] = Query;
            if (LastActive.HasValue) body["lastActive"] = LastActive.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return body;
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactExtras.AddUtm(items, OneByOne, CancellationToken);
    }
}
