using System.Linq;
using System.Management.Automation;
using Mautic.Client;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets contacts by id, by exact e-mail, or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticContact : MauticListCmdlet
    {
        const string ById = "ById";
        const string ByEmail = "ByEmail";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ById)]
        public PSObject InputObject { get; set; }

        /// <summary>Exact e-mail match (a where eq filter, safe for addresses with '+').</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEmail)]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; }

        protected override void Process()
        {
            switch (ParameterSetName)
            {
                case ById:
                    if (!AcceptsPiped(InputObject, "contact", ContactKinds, "To list a segment's contacts: Get-MauticContact -Search \"segment:<alias>\".")) break;
                    foreach (var id in Id)
                    {
                        try { WriteRecord(Conn.Contacts.Get(id, CancellationToken)); }
                        catch (MauticApiException e) { WriteItemError(e, id); }
                    }
                    break;
                case ByEmail:
                    foreach (var email in Email)
                    {
                        var found = false;
                        try
                        {
                            foreach (var record in Conn.Contacts.FindByEmail(email, BuildQuery(), CancellationToken)) { found = true; WriteRecord(record); }
                        }
                        catch (MauticApiException e) { WriteItemError(e, email); continue; }
                        if (!found)
                            WriteItemError(new MauticApiException($"No contact has the e-mail address '{email}'.", MauticErrorKind.NotFound), email);
                    }
                    break;
                default:
                    WriteList(Conn.Contacts.List(BuildQuery(), CancellationToken), "Reading Mautic contacts");
                    break;
            }
        }
    }
}
