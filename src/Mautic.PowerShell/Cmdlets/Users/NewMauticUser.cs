using System.Net;
using System.Security;
using Newtonsoft.Json.Linq;

namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>Creates Mautic users; piped rows go 200 per batch request, each with the -Password given.</summary>
    [Cmdlet(VerbsCommon.New, "MauticUser", SupportsShouldProcess = true)]
    [OutputType("Mautic.User")]
    public sealed class NewMauticUser : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Users;

        /// <summary>The login name (the same field as -Name); Mautic cannot change it later through the API.</summary>
        [Parameter(Position = 0)]
        public string UserName { get; set; }

        [Parameter]
        public string Email { get; set; }

        [Parameter]
        public string FirstName { get; set; }

        [Parameter]
        public string LastName { get; set; }

        /// <summary>The first password; Mautic ignores a password on any later edit.</summary>
        [Parameter(Mandatory = true)]
        public SecureString Password { get; set; }

        /// <summary>The role's id (Get-MauticUserRole lists them).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? RoleId { get; set; }

        /// <summary>The user fields New- and Set-MauticUser name the same way.</summary>
        internal static IEnumerable<KeyValuePair<string, object>> UserFields(string email, string firstName, string lastName, long? roleId)
        {
            if (email != null) yield return new KeyValuePair<string, object>("email", email);
            if (firstName != null) yield return new KeyValuePair<string, object>("firstName", firstName);
            if (lastName != null) yield return new KeyValuePair<string, object>("lastName", lastName);
            if (roleId != null) yield return new KeyValuePair<string, object>("role", roleId.Value);
        }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (UserName != null) yield return new KeyValuePair<string, object>("username", UserName);
            foreach (var f in UserFields(Email, FirstName, LastName, RoleId)) yield return f;
            // Mautic wants the password twice; the plain text lives only in the request body, which is never logged unmasked.
            var plain = new NetworkCredential(string.Empty, Password).Password;
            yield return new KeyValuePair<string, object>("plainPassword", new JObject { ["password"] = plain, ["confirm"] = plain });
        }
    }
}
