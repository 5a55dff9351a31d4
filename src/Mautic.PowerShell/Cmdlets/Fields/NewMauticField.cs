namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>
    /// Creates custom fields of contacts or companies (-Object); piped rows go 200 per batch request. Mautic adds a
    /// column to its contact or company table for each.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticField", SupportsShouldProcess = true)]
    [OutputType("Mautic.Field")]
    public sealed class NewMauticField : NewEntityCmdlet
    {
        /// <summary>Contact (the default) or Company.</summary>
        [Parameter]
        public MauticFieldObject Object { get; set; }

        protected override MauticResource Area => FieldObjects.Area(Object);

        /// <summary>The field's label (required; the same as -Name).</summary>
        [Parameter(Position = 0)]
        public string Label { get; set; }

        /// <summary>The field's alias (its column and its name in payloads); Mautic makes one from the label when none is given. Fixed once created.</summary>
        [Parameter]
        public string Alias { get; set; }

        /// <summary>The field type: text (the default), textarea, number, select, multiselect, boolean, date, datetime, email, url, tel, ... (Mautic checks it).</summary>
        [Parameter]
        public string Type { get; set; }

        /// <summary>The group the field is shown in: core, social, personal, professional.</summary>
        [Parameter]
        [ValidateSet("core", "social", "personal", "professional")]
        public string Group { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (Label != null) yield return new KeyValuePair<string, object>("label", Label);
            if (Alias != null) yield return new KeyValuePair<string, object>("alias", Alias);
            if (Type != null) yield return new KeyValuePair<string, object>("type", Type);
            if (Group != null) yield return new KeyValuePair<string, object>("group", Group);
        }
    }
}
