namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// What New-MauticContact and Set-MauticContact share: piped rows, -Property, and the field parameters of
    /// <typeparamref name="T"/>, which src/Mautic.Generators makes static parameters of each (partial) cmdlet class,
    /// as for <see cref="NewEntityCmdlet{T}"/>.
    /// </summary>
    public abstract class ContactWriteCmdlet<T> : MauticBulkCmdlet where T : AreaParameters, new()
    {
        /// <summary>Objects whose property names are field aliases (Import-Csv rows, hashtables, contacts).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Any other fields, by alias: @{ city = 'Paris'; my_custom_field = 42 }.</summary>
        [Parameter] [Alias("Fields")] public Hashtable Property { get; set; }

        protected T Parameters { get; } = new T();

        protected IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            Parameters.Fields(Enumerable.Empty<KeyValuePair<string, object>>(), null);

        /// <summary>The error target: the piped object, or else what was given by name.</summary>
        protected object Target(MauticPayload payload) => InputObject ?? (object)payload.ToJson();
    }
}
