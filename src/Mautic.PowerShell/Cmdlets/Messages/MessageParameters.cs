using System.Globalization;

namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>The parameters of New- and Set-MauticMessage, the fields they send, and how -Channel becomes Mautic's channels.</summary>
    public sealed class MessageParameters : AreaParameters
    {
        /// <summary>The channels by name: @{ email = 12 } sends e-mail 12; $null disables a channel.</summary>
        [Parameter]
        [Alias("Channels")]
        public Hashtable Channel { get; set; }

        /// <summary>Publishes (the default) or, with -IsPublished:$false, unpublishes the message.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        /// <summary>-Channel as Mautic's channels, read by <see cref="Problem"/> before the fields are built.</summary>
        Dictionary<string, object> _channels;

        /// <summary>A -Channel entry that names no item; the error carries -Channel.</summary>
        internal override string Problem(out object offending)
        {
            _channels = Channels(Channel, out var problem);
            offending = problem == null ? null : Channel;
            return problem;
        }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("channels", _channels),
                ("isPublished", IfGiven(cmdlet, nameof(IsPublished), IsPublished))));

        /// <summary>
        /// -Channel @{ email = 12; sms = $null }: Mautic's channels keyed by channel name. A number (or a record with an
        /// Id, such as an e-mail) is the item the channel sends and enables the channel; $null, 0 or $false disables it;
        /// a hashtable is sent as written (@{ channelId = 12; isEnabled = $false }). Anything else is the problem returned.
        /// </summary>
        static Dictionary<string, object> Channels(Hashtable channel, out string problem)
        {
            problem = null;
            if (channel == null) return null;
            var channels = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in channel)
            {
                var name = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                var value = e.Value is PSObject p && !(p.BaseObject is PSCustomObject) ? p.BaseObject : e.Value;
                if (value is IDictionary given) { channels[name] = given; continue; }
                if (value == null || value is bool b && !b || IsZero(value))
                {
                    channels[name] = new Dictionary<string, object> { ["isEnabled"] = false };
                    continue;
                }
                var id = ItemId(value);
                if (id == null)
                {
                    problem = $"The {name} channel's value '{value}' is not the id of the item it sends: give a number, a record with an Id, $null to disable it, or @{{ channelId = n; isEnabled = $true }}.";
                    return null;
                }
                channels[name] = new Dictionary<string, object> { ["channelId"] = id.Value, ["isEnabled"] = true };
            }
            return channels;
        }

        static bool IsZero(object value) => value is int i && i == 0 || value is long l && l == 0;

        static long? ItemId(object value)
        {
            if (value is PSObject record) return PSConvert.IdOf(record) is long rid && rid > 0 ? rid : (long?)null;
            if (value is bool) return null;
            return long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (long?)null;
        }
    }
}
