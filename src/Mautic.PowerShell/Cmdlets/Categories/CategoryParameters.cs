namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>The parameters of New- and Set-MauticCategory, and the fields they send.</summary>
    public class CategoryParameters : AreaParameters
    {
        /// <summary>New- only (<see cref="NewCategoryParameters"/>).</summary>
        public string Bundle { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("bundle", Bundle)));
    }

    /// <summary>New-MauticCategory's parameters: what the category groups.</summary>
    public sealed class NewCategoryParameters : CategoryParameters
    {
        /// <summary>What the category groups (Mautic requires it): global, email, page, asset, form, campaign, sms, ...</summary>
        [Parameter]
        public new string Bundle { get => base.Bundle; set => base.Bundle = value; }
    }
}
