namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>Creates categories; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticCategory", SupportsShouldProcess = true)]
    [OutputType("Mautic.Category")]
    public sealed class NewMauticCategory : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Categories;

        /// <summary>What the category groups (Mautic requires it): global, email, page, asset, form, campaign, sms, ...</summary>
        [Parameter]
        public string Bundle { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (Bundle != null) yield return new KeyValuePair<string, object>("bundle", Bundle);
        }
    }
}
