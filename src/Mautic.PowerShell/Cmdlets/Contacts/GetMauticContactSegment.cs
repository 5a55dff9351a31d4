using System.Management.Automation;
using Mautic.Client;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets the segments a contact is a member of.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactSegment")]
    [OutputType("Mautic.Segment")]
    public sealed class GetMauticContactSegment : MauticCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            foreach (var id in Id)
            {
                try
                {
                    foreach (var segment in Conn.Contacts.Segments(id, CancellationToken)) WriteRecord(segment);
                }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }
    }
}
