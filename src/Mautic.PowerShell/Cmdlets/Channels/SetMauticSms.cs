namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits text messages by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Message and -Language);
    /// piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticSms", SupportsShouldProcess = true)]
    [OutputType("Mautic.Sms")]
    public sealed class SetMauticSms : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Smses;

        [Parameter]
        public string Message { get; set; }

        [Parameter]
        public string Language { get; set; }

        [Parameter]
        [ValidateSet(ChannelFields.Template, ChannelFields.List)]
        public string SmsType { get; set; }

        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long[] SegmentId { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(ChannelFields.Sms(Message, Language, SmsType, SegmentId));
    }
}
