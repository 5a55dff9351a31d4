using System.Collections.Generic;

namespace Mautic.Client.Resources
{
    /// <summary>
    /// One API area: its route, the JSON keys it answers with (they are not always the route name) and the
    /// PowerShell type name of its records. Generic operations read this; a new area is a new row.
    /// </summary>
    public sealed class MauticResource
    {
        public MauticResource(string route, string singular, string plural, string noun, bool flattenFields = false)
        {
            Route = route;
            Singular = singular;
            Plural = plural;
            Noun = noun;
            FlattenFields = flattenFields;
        }

        /// <summary>Path under /api, e.g. "segments".</summary>
        public string Route { get; }
        /// <summary>Key of one record, e.g. "list" for segments.</summary>
        public string Singular { get; }
        /// <summary>Key of a list, e.g. "lists" for segments.</summary>
        public string Plural { get; }
        /// <summary>Human noun for messages, e.g. "segment".</summary>
        public string Noun { get; }
        /// <summary>Contacts and companies: fields.all becomes top-level properties.</summary>
        public bool FlattenFields { get; }
        public string TypeName => "Mautic." + char.ToUpperInvariant(Noun[0]) + Noun.Substring(1);

        public override string ToString() => Route;
    }

    /// <summary>The table of API areas (keys from mautic-endpoints.tsv's response_key column).</summary>
    public static class MauticResources
    {
        public static readonly MauticResource Contacts = new MauticResource("contacts", "contact", "contacts", "contact", flattenFields: true);
        public static readonly MauticResource Segments = new MauticResource("segments", "list", "lists", "segment");
        public static readonly MauticResource Emails = new MauticResource("emails", "email", "emails", "email");
        public static readonly MauticResource Users = new MauticResource("users", "user", "users", "user");

        public static IReadOnlyList<MauticResource> All { get; } = new[] { Contacts, Segments, Emails, Users };
    }
}
