namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Add-/Set-MauticContactPoint: -Points, and -PointGroupId to change a point-group score instead of the contact's
    /// points (parameter sets Contact and PointGroup), with the event and action names Mautic logs in the timeline.
    /// </summary>
    public abstract class ContactPointCmdlet : PerContactChangeCmdlet
    {
        protected const string ContactSet = "Contact";
        protected const string GroupSet = "PointGroup";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ContactSet)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = GroupSet)]
        public int Points { get; set; }

        /// <summary>The point group whose score changes, instead of the contact's points.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GroupSet)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(PointGroupCompleter))]
        public long PointGroupId { get; set; }

        protected long? Group => ParameterSetName == GroupSet ? PointGroupId : (long?)null;
    }
}
