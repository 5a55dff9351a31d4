namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>
    /// Edits Mautic users by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. Mautic's
    /// API ignores a username or password sent for an existing user, so there are no such parameters.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticUser", SupportsShouldProcess = true)]
    [OutputType("Mautic.User")]
    public sealed class SetMauticUser : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Users;

        [Parameter]
        public string Email { get; set; }

        [Parameter]
        public string FirstName { get; set; }

        [Parameter]
        public string LastName { get; set; }

        /// <summary>The role's id (Get-MauticUserRole lists them).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? RoleId { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            foreach (var f in NewMauticUser.UserFields(Email, FirstName, LastName, RoleId)) yield return f;
        }
    }
}
