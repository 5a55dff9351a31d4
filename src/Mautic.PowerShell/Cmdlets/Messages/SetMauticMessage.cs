namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>
    /// Edits marketing messages by id: PATCH by default (channels not named keep their item), PUT with -Replace (every
    /// channel not sent is disabled and loses its item); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticMessage", SupportsShouldProcess = true)]
    [OutputType("Mautic.Message")]
    public sealed class SetMauticMessage : SetEntityCmdlet
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
