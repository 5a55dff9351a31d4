namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>The kinds of event a point trigger can run (GET points/triggers/events/types): type and label.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointTriggerEventType", HelpUri = MauticHelp.Online + "Get-MauticPointTriggerEventType.md")]
    [OutputType("Mautic.PointTriggerEventType")]
    public sealed class GetMauticPointTriggerEventType : TypeListCmdlet
    {
        protected override string Path => "points/triggers/events/types";
        protected override string Key => "eventTypes";
        protected override string TypeName => "Mautic.PointTriggerEventType";
    }
}
