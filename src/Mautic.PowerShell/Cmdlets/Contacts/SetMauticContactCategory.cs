namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Changes a contact's subscription to a category by its id (Mautic 7.0 or later): a JSON merge patch of the values
    /// given (PATCH /api/v2/contactcategories/{id}), or with -Replace the whole row (PUT; a flag not given becomes false).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticContactCategory", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticContactCategory.md")]
    [OutputType(ContactCategoryService.TypeName)]
    public sealed class SetMauticContactCategory : MauticCmdlet
    {
        static readonly string[] Kinds = { ContactCategoryService.TypeName };

        /// <summary>The subscription's id (the Id of Get-MauticContactCategory's records); a piped subscription gives its own.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind (a contact) is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Whether the contact was subscribed by hand.</summary>
        [Parameter]
        public bool? ManuallyAdded { get; set; }

        /// <summary>Whether the contact unsubscribed (Mautic then treats the category as not wanted).</summary>
        [Parameter]
        public bool? ManuallyRemoved { get; set; }

        /// <summary>When the contact was subscribed (sent in UTC).</summary>
        [Parameter]
        public DateTime? DateAdded { get; set; }

        /// <summary>Sends the whole row (PUT): the row is read first for its contact and category; a flag not given becomes false, the date stays unless given.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        /// <summary>Writes the changed subscription.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Begin() => Conn.ContactCategories.EnsureServer();

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact category", Kinds, "Pipe the records of Get-MauticContactCategory.")) return;
            if (!Replace && ManuallyAdded == null && ManuallyRemoved == null && DateAdded == null)
            {
                WriteInvalidArgument($"Nothing to change on contact category {Id}: give -ManuallyAdded, -ManuallyRemoved or -DateAdded (or -Replace).", Id);
                return;
            }
            if (!ShouldProcess("contact category " + Id, Replace ? "Replace" : "Change")) return;
            try
            {
                var changed = Conn.ContactCategories.Update(Id, ManuallyAdded, ManuallyRemoved, DateAdded, Replace, CancellationToken);
                if (PassThru) WriteRecord(changed);
            }
            catch (MauticApiException e) when (e.Kind != MauticErrorKind.NotSupported) { WriteItemError(e, Id); }
        }
    }
}
