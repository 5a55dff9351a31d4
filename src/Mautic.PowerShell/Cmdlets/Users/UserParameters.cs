using System.Net;
using System.Security;

namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>
    /// The parameters of New- and Set-MauticUser, and the fields they send. Mautic's API ignores a username or password
    /// sent for an existing user, so only New- has them (<see cref="NewUserParameters"/>).
    /// </summary>
    public class UserParameters : AreaParameters
    {
        /// <summary>New- only.</summary>
        public string UserName { get; set; }

        [Parameter]
        public string Email { get; set; }

        [Parameter]
        public string FirstName { get; set; }

        [Parameter]
        public string LastName { get; set; }

        /// <summary>New- only.</summary>
        public SecureString Password { get; set; }

        /// <summary>The role's id (Get-MauticUserRole lists them).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(RoleCompleter))]
        public long? RoleId { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet)
        {
            foreach (var f in named.Concat(Given(("username", UserName), ("email", Email), ("firstName", FirstName), ("lastName", LastName), ("role", RoleId))))
                yield return f;
            if (Password == null) yield break;
            // Mautic wants the password twice; the plain text lives only in the request body, which is never logged unmasked.
            var plain = new NetworkCredential(string.Empty, Password).Password;
            yield return new KeyValuePair<string, object>("plainPassword", new Dictionary<string, object> { ["password"] = plain, ["confirm"] = plain });
        }
    }

    /// <summary>New-MauticUser's parameters: the login name (also the first positional argument) and the first password.</summary>
    public sealed class NewUserParameters : UserParameters
    {
        /// <summary>The login name (the same field as -Name); Mautic cannot change it later through the API.</summary>
        [Parameter(Position = 0)]
        public new string UserName { get => base.UserName; set => base.UserName = value; }

        /// <summary>The first password; Mautic ignores a password on any later edit.</summary>
        [Parameter(Mandatory = true)]
        public new SecureString Password { get => base.Password; set => base.Password = value; }
    }
}
