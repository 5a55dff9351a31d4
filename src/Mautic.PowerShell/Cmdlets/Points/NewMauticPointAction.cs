namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Creates point actions; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticPointAction", SupportsShouldProcess = true)]
    [OutputType("Mautic.PointAction")]
    public sealed class NewMauticPointAction : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointActions;

        /// <summary>What earns the points (Mautic requires it): url.hit, page.hit, email.open, email.send, form.submit, asset.download.</summary>
        [Parameter]
        public string Type { get; set; }

        /// <summary>Points added (or, negative, taken) each time.</summary>
        [Parameter]
        public int? Delta { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (Type != null) yield return new KeyValuePair<string, object>("type", Type);
            if (Delta != null) yield return new KeyValuePair<string, object>("delta", Delta.Value);
        }
    }
}
