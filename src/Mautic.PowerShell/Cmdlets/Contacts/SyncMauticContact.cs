namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Makes Mautic's contacts equal to rows from a source of truth (Import-Csv, Get-ADUser, another API): each row is
    /// matched by -MatchOn, compared field by field, and only what differs is written (<see cref="ContactSync"/>, in
    /// the rounds of <see cref="ContactSyncCmdlet"/>). One result per row that succeeded (Created, Updated, Unchanged,
    /// with the changes), an error carrying the row for each one that did not; -WhatIf shows each change and writes nothing.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "MauticContact", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Sync-MauticContact.md")]
    [OutputType("Mautic.SyncResult")]
    public sealed class SyncMauticContact : ContactSyncCmdlet
    {
        /// <summary>A row: its properties are Mautic field aliases, or the columns -FieldMap names.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        protected override string Activity => "Syncing Mautic contacts";

        protected override void Process()
        {
            if (AcceptsPiped(InputObject, "row", new[] { "Mautic.Contact" })) Add(InputObject);
        }

        protected override void End() => Finish();
    }
}
