namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>The parameters of New- and Set-MauticPointAction, and the fields they send.</summary>
    public class PointActionParameters : AreaParameters
    {
        /// <summary>New- only (<see cref="NewPointActionParameters"/>).</summary>
        public string Type { get; set; }

        /// <summary>New- only (<see cref="NewPointActionParameters"/>).</summary>
        public int? Delta { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("type", Type), ("delta", Delta)));
    }

    /// <summary>New-MauticPointAction's parameters: what earns the points, and how many.</summary>
    public sealed class NewPointActionParameters : PointActionParameters
    {
        /// <summary>What earns the points (Mautic requires it): url.hit, page.hit, email.open, email.send, form.submit, asset.download.</summary>
        [Parameter]
        public new string Type { get => base.Type; set => base.Type = value; }

        /// <summary>Points added (or, negative, taken) each time.</summary>
        [Parameter]
        public new int? Delta { get => base.Delta; set => base.Delta = value; }
    }
}
