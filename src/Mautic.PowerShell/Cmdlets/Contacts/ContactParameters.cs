namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>The field parameters of New- and Set-MauticContact, and the fields they send (by alias).</summary>
    public sealed class ContactParameters : AreaParameters
    {
        [Parameter] public string Email { get; set; }
        [Parameter] public string FirstName { get; set; }
        [Parameter] public string LastName { get; set; }
        [Parameter] public string Company { get; set; }
        [Parameter] public string Phone { get; set; }
        /// <summary>Id of the Mautic user who owns the contact.</summary>
        [Parameter] public long? Owner { get; set; }
        /// <summary>The contact's points, set to this number.</summary>
        [Parameter] public int? Points { get; set; }

        /// <summary>The fields given; contacts' cmdlets are no <see cref="EntityWriteCmdlet"/>, and nothing here reads one.</summary>
        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("email", Email), ("firstname", FirstName), ("lastname", LastName), ("company", Company), ("phone", Phone), ("owner", Owner), ("points", Points)));
    }
}
