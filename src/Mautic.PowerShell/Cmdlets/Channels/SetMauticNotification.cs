namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits web push notifications by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Heading,
    /// -Message and -Language); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticNotification", SupportsShouldProcess = true)]
    [OutputType("Mautic.Notification")]
    public sealed class SetMauticNotification : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notifications;

        [Parameter]
        public string Heading { get; set; }

        [Parameter]
        public string Message { get; set; }

        [Parameter]
        public string Url { get; set; }

        [Parameter]
        public string Button { get; set; }

        [Parameter]
        public string Language { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(ChannelFields.Notification(Heading, Message, Url, Button, Language));
    }
}
