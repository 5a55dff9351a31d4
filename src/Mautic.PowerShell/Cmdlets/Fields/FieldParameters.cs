namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>The parameters of New- and Set-MauticField, and the fields they send.</summary>
    public class FieldParameters : AreaParameters
    {
        /// <summary>Contact (the default) or Company: which object's fields (it picks the route, it is not sent).</summary>
        [Parameter]
        public MauticFieldObject Object { get; set; }

        /// <summary>The field's label (New- requires it); the same as -Name.</summary>
        [Parameter]
        public string Label { get; set; }

        /// <summary>New- only (<see cref="NewFieldParameters"/>): the alias cannot change once created.</summary>
        public string Alias { get; set; }

        /// <summary>New- only (<see cref="NewFieldParameters"/>).</summary>
        public string Type { get; set; }

        /// <summary>The group the field is shown in: core, social, personal, professional.</summary>
        [Parameter]
        [ValidateSet("core", "social", "personal", "professional")]
        public string Group { get; set; }

        /// <summary>Publishes the field (-IsPublished) or unpublishes it (-IsPublished:$false); left out, nothing is sent.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("label", Label), ("alias", Alias), ("type", Type), ("group", Group),
                ("isPublished", IfGiven(cmdlet, nameof(IsPublished), IsPublished))));
    }

    /// <summary>New-MauticField's parameters: the label is also the first positional argument, and the alias and type are set once.</summary>
    public sealed class NewFieldParameters : FieldParameters
    {
        [Parameter(Position = 0)]
        public new string Label { get => base.Label; set => base.Label = value; }

        /// <summary>The field's alias (its column and its name in payloads); Mautic makes one from the label when none is given. Fixed once created.</summary>
        [Parameter]
        public new string Alias { get => base.Alias; set => base.Alias = value; }

        /// <summary>The field type: text (the default), textarea, number, select, multiselect, boolean, date, datetime, email, url, tel, ... (Mautic checks it).</summary>
        [Parameter]
        public new string Type { get => base.Type; set => base.Type = value; }
    }
}
