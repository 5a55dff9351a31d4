namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>Gets Mautic users by id, as a streamed, paged list, or (-Self) the user the connection acts as.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticUser", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticUser.md")]
    [OutputType("Mautic.User")]
    public sealed class GetMauticUser : GetEntityCmdlet
    {
        const string SelfSet = "Self";

        protected override MauticResource Area => MauticResources.Users;

        /// <summary>The user the connection acts as (GET users/self).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SelfSet)]
        public SwitchParameter Self { get; set; }

        protected override void Process()
        {
            if (ParameterSetName == SelfSet) WriteRecord(Conn.Users.Self(CancellationToken));
            else base.Process();
        }
    }
}
