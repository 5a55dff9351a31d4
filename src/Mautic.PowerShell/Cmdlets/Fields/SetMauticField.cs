namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>Edits custom fields by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. The alias cannot change.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticField", SupportsShouldProcess = true)]
    [OutputType("Mautic.Field")]
    public sealed class SetMauticField : SetEntityCmdlet
    {
        /// <summary>Contact (the default) or Company.</summary>
        [Parameter]
        public MauticFieldObject Object { get; set; }

        protected override MauticResource Area => FieldObjects.Area(Object);

        /// <summary>The field's new label (the same as -Name).</summary>
        [Parameter]
        public string Label { get; set; }

        /// <summary>The group the field is shown in: core, social, personal, professional.</summary>
        [Parameter]
        [ValidateSet("core", "social", "personal", "professional")]
        public string Group { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (Label != null) yield return new KeyValuePair<string, object>("label", Label);
            if (Group != null) yield return new KeyValuePair<string, object>("group", Group);
        }
    }
}
