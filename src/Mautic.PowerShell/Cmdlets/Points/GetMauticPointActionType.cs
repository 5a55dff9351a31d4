namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>The kinds of point action this Mautic offers (GET points/actions/types): type and label.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointActionType", HelpUri = MauticHelp.Online + "Get-MauticPointActionType.md")]
    [OutputType("Mautic.PointActionType")]
    public sealed class GetMauticPointActionType : TypeListCmdlet
    {
        protected override string Path => "points/actions/types";
        protected override string Key => "pointActionTypes";
        protected override string TypeName => "Mautic.PointActionType";
    }
}
