namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>The parameters of New- and Set-MauticDynamicContent, and the fields they send.</summary>
    public sealed class DynamicContentParameters : AreaParameters
    {
        /// <summary>The text shown in place of the slot (Mautic 5.1 strips HTML tags from it).</summary>
        [Parameter]
        public string Content { get; set; }

        /// <summary>The slot name a web page's dynamic content tag asks for (filter-based items).</summary>
        [Parameter]
        public string SlotName { get; set; }

        /// <summary>Campaign based (the default) or, with -IsCampaignBased:$false, chosen by -Filter for -SlotName.</summary>
        [Parameter]
        public SwitchParameter IsCampaignBased { get; set; }

        /// <summary>The contact filters of a filter-based item: @{ glue = 'and'; field = 'email'; object = 'lead'; type = 'email'; operator = '='; filter = 'a@example.com' }.</summary>
        [Parameter]
        public Hashtable[] Filter { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("content", Content), ("slotName", SlotName),
                ("isCampaignBased", IfGiven(cmdlet, nameof(IsCampaignBased), IsCampaignBased)),
                ("filters", Filter), ("language", Language)));
    }
}
