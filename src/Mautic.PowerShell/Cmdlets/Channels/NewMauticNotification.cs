namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Creates web push notifications (Mautic requires -Name, -Heading and -Message; the language is "en" unless given);
    /// piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticNotification", SupportsShouldProcess = true)]
    [OutputType("Mautic.Notification")]
    public sealed class NewMauticNotification : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notifications;

        /// <summary>The notification's title line.</summary>
        [Parameter]
        public string Heading { get; set; }

        /// <summary>The notification's text.</summary>
        [Parameter]
        public string Message { get; set; }

        /// <summary>Where a click leads; Mautic puts http:// in front of an address without a scheme.</summary>
        [Parameter]
        public string Url { get; set; }

        /// <summary>The text of the notification's button.</summary>
        [Parameter]
        public string Button { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(ChannelFields.Notification(Heading, Message, Url, Button, Language));
    }
}
