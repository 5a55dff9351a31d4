using System.Globalization;

namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>What New- and Set-MauticMessage's named parameters send, and how -Channel becomes Mautic's channels.</summary>
    static class MessageFields
    {
        /// <summary>
        /// -Channel @{ email = 12; sms = $null }: Mautic's channels keyed by channel name. A number (or a record with an
        /// Id, such as an e-mail) is the item the channel sends and enables the channel; $null, 0 or $false disables it;
        /// a hashtable is sent as written (@{ channelId = 12; isEnabled = $false }). Anything else is the problem returned.
        /// </summary>
        public static Dictionary<string, object> Channels(Hashtable channel, out string problem)
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

        public static IEnumerable<KeyValuePair<string, object>> With(IEnumerable<KeyValuePair<string, object>> common, Dictionary<string, object> channels,
            InvocationInfo call, SwitchParameter isPublished)
        {
            foreach (var f in common) yield return f;
            if (channels != null) yield return new KeyValuePair<string, object>("channels", channels);
            if (call.BoundParameters.ContainsKey("IsPublished")) yield return new KeyValuePair<string, object>("isPublished", isPublished.IsPresent);
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
