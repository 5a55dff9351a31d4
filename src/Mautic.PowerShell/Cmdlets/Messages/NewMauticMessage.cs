namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>
    /// Creates marketing messages (Mautic requires only the name; each channel Mautic offers starts disabled) with
    /// -Channel naming the item each channel sends; piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticMessage", SupportsShouldProcess = true)]
    [OutputType("Mautic.Message")]
    public sealed class NewMauticMessage : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Messages;

        /// <summary>The channels by name: @{ email = 12 } sends e-mail 12; $null disables a channel.</summary>
        [Parameter]
        public Hashtable Channel { get; set; }

        /// <summary>Publishes (the default) or, with -IsPublished:$false, unpublishes the message.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        Dictionary<string, object> _channels;

        protected override void Process()
        {
            _channels = MessageFields.Channels(Channel, out var problem);
            if (problem != null) { WriteInvalidArgument(problem, Channel); return; }
            base.Process();
        }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            MessageFields.With(base.NamedFields(), _channels, MyInvocation, IsPublished);
    }
}
