namespace Mautic.PowerShell.Base
{
    /// <summary>The field parameters New-MauticContact and Set-MauticContact share.</summary>
    public abstract class ContactWriteCmdlet : MauticBulkCmdlet
    {
        /// <summary>Objects whose property names are field aliases (Import-Csv rows, hashtables, contacts).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        [Parameter] public string Email { get; set; }
        [Parameter] public string FirstName { get; set; }
        [Parameter] public string LastName { get; set; }
        [Parameter] public string Company { get; set; }
        [Parameter] public string Phone { get; set; }
        /// <summary>Id of the Mautic user who owns the contact.</summary>
        [Parameter] public long? Owner { get; set; }
        /// <summary>Any other fields, by alias: @{ city = 'Paris'; my_custom_field = 42 }.</summary>
        [Parameter] [Alias("Fields")] public Hashtable Property { get; set; }

        protected IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            if (Email != null) yield return new KeyValuePair<string, object>("email", Email);
            if (FirstName != null) yield return new KeyValuePair<string, object>("firstname", FirstName);
            if (LastName != null) yield return new KeyValuePair<string, object>("lastname", LastName);
            if (Company != null) yield return new KeyValuePair<string, object>("company", Company);
            if (Phone != null) yield return new KeyValuePair<string, object>("phone", Phone);
            if (Owner != null) yield return new KeyValuePair<string, object>("owner", Owner.Value);
        }

        /// <summary>The error target: the piped object, or else what was given by name.</summary>
        protected object Target(Newtonsoft.Json.Linq.JObject payload) =>
            InputObject ?? (object)payload.ToString(Newtonsoft.Json.Formatting.None);
    }
}
