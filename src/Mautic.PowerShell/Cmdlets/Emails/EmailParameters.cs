namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>The parameters of New- and Set-MauticEmail, and the fields they send.</summary>
    public sealed class EmailParameters : AreaParameters
    {
        /// <summary>The subject line (required by Mautic); tokens such as {contactfield=firstname} are allowed.</summary>
        [Parameter]
        public string Subject { get; set; }

        /// <summary>template (sent to contacts one by one, by campaigns, forms or Send-MauticEmail) or list (sent to its segments).</summary>
        [Parameter]
        [ValidateSet("template", "list")]
        public string EmailType { get; set; }

        /// <summary>Segments a list e-mail is sent to; alone it makes the e-mail a list e-mail.</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public long[] SegmentId { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        /// <summary>The e-mail theme it is built with (blank, brienz, ...).</summary>
        [Parameter]
        public string Template { get; set; }

        /// <summary>The e-mail's HTML body.</summary>
        [Parameter]
        public string CustomHtml { get; set; }

        /// <summary>The plain-text body.</summary>
        [Parameter]
        public string PlainText { get; set; }

        /// <summary>Sender address: an address or a contact field token ({contactfield=owner_email}).</summary>
        [Parameter]
        public string FromAddress { get; set; }

        [Parameter]
        public string FromName { get; set; }

        [Parameter]
        public string ReplyToAddress { get; set; }

        /// <summary>
        /// The fields given. Segments make a segment ("list") e-mail unless -EmailType says otherwise: Mautic keeps
        /// segments only on a list e-mail and drops them from a template e-mail without a word (measured on 5.1.0).
        /// </summary>
        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("subject", Subject), ("emailType", EmailType ?? (SegmentId != null ? "list" : null)), ("lists", SegmentId),
                ("language", Language), ("template", Template), ("customHtml", CustomHtml), ("plainText", PlainText),
                ("fromAddress", FromAddress), ("fromName", FromName), ("replyToAddress", ReplyToAddress)));
    }
}
