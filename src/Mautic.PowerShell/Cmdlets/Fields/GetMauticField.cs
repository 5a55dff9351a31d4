namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>
    /// Gets custom field definitions of contacts or companies (-Object) by id or as a streamed, paged list; with
    /// -Published, the short list of published fields Mautic gives forms and imports (GET contacts/list/fields).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticField", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticField.md")]
    [OutputType("Mautic.Field")]
    public sealed class GetMauticField : GetUuidEntityCmdlet
    {
        const string PublishedSet = "Published";

        /// <summary>Contact (the default) or Company fields.</summary>
        [Parameter]
        public MauticFieldObject Object { get; set; }

        /// <summary>Only published fields, in the short form of GET contacts/list/fields, filtered to -Object.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PublishedSet)]
        public SwitchParameter Published { get; set; }

        protected override MauticResource Area => FieldObjects.Area(Object);

        protected override void Process()
        {
            if (ParameterSetName != PublishedSet)
            {
                base.Process();
                return;
            }
            var wanted = FieldObjects.MauticName(Object);
            try
            {
                var fields = Conn.Contacts.PublishedFields(CancellationToken).Where(f => (f["object"] as string) == wanted);
                // One answer holds them all: -Skip and -First apply to it here.
                if (PagingParameters != null)
                {
                    fields = fields.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue));
                    if (PagingParameters.First != ulong.MaxValue) fields = fields.Take((int)System.Math.Min(PagingParameters.First, int.MaxValue));
                }
                foreach (var field in fields) WriteRecord(field);
            }
            catch (MauticApiException e) { WriteItemError(e, "contacts/list/fields"); }
        }
    }
}
