namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Creates text messages (Mautic requires -Name and -Message; the language is "en" unless given); piped rows go 200
    /// per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticSms", SupportsShouldProcess = true)]
    [OutputType("Mautic.Sms")]
    public sealed class NewMauticSms : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Smses;

        /// <summary>The text sent; tokens such as {contactfield=firstname} are filled in per contact.</summary>
        [Parameter]
        public string Message { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        /// <summary>template (sent by campaigns and Send-MauticSms) or list (sent to the segments of -SegmentId).</summary>
        [Parameter]
        [ValidateSet(ChannelFields.Template, ChannelFields.List)]
        public string SmsType { get; set; }

        /// <summary>The segments a list message goes to (Mautic requires at least one for -SmsType list).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long[] SegmentId { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(ChannelFields.Sms(Message, Language, SmsType, SegmentId));
    }
}
