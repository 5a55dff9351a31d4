namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>
    /// Creates e-mails (Mautic requires a name and a subject; the language is "en" and the type "template" unless
    /// given; -SegmentId makes a segment e-mail); piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticEmail", SupportsShouldProcess = true)]
    [OutputType("Mautic.Email")]
    public sealed class NewMauticEmail : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Emails;

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

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(EmailFields.Of(Subject, EmailType, Language, Template, CustomHtml, PlainText, FromAddress, FromName, ReplyToAddress, SegmentId));
    }
}
