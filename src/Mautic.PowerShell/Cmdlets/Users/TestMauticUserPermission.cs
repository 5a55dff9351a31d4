namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>
    /// Whether users have permissions (POST users/{id}/permissioncheck): one Mautic.UserPermission per user and
    /// permission, with UserId, Permission and Granted.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MauticUserPermission", HelpUri = MauticHelp.Online + "Test-MauticUserPermission.md")]
    [OutputType("Mautic.UserPermission")]
    public sealed class TestMauticUserPermission : MauticCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(UserCompleter))]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Permissions as bundle:name:level, e.g. lead:leads:viewown, email:emails:create.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Permission { get; set; }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "user", new[] { "Mautic.User", "Mautic.ContactOwner", "Mautic.UserPermission" })) return;
            var valid = new List<string>();
            foreach (var p in Permission)
            {
                if (UserService.IsPermission(p)) { if (!valid.Contains(p)) valid.Add(p); }
                else WriteInvalidArgument($"'{p}' is not a Mautic permission: write bundle:name:level, e.g. lead:leads:viewown.", p);
            }
            if (valid.Count == 0) return;
            foreach (var id in Id)
            {
                try
                {
                    foreach (var kv in Conn.Users.CheckPermissions(id, valid, CancellationToken))
                    {
                        var r = new MauticRecord("Mautic.UserPermission");
                        r["UserId"] = id;
                        r["Permission"] = kv.Key;
                        r["Granted"] = kv.Value;
                        WriteRecord(r);
                    }
                }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }
    }
}
