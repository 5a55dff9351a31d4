namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>
    /// Creates dynamic content items (Mautic requires only the name; a new item is campaign based unless
    /// -IsCampaignBased:$false, which then needs -SlotName and -Filter); piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticDynamicContent", SupportsShouldProcess = true)]
    [OutputType("Mautic.DynamicContent")]
    public sealed class NewMauticDynamicContent : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.DynamicContents;

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

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(DynamicContentFields.Of(MyInvocation, Content, SlotName, IsCampaignBased, Filter, Language));
    }
}
