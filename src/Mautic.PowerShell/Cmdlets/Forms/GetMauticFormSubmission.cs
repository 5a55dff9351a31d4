namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>
    /// Gets a form's submissions: all of them (streamed, a page per request), those of some contacts, or some by id.
    /// Each is a Mautic.FormSubmission with id, formId, contactId, dateSubmitted, ipAddress, referer, trackingId and
    /// pageId, and one property per submitted field (its alias), so Export-Csv writes one column per field.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticFormSubmission", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticFormSubmission.md")]
    [OutputType(FormService.SubmissionType)]
    public sealed class GetMauticFormSubmission : MauticPagedCmdlet
    {
        const string ByContact = "ByContact", ById = "ById";

        /// <summary>The form's id; a piped form gives its own (Id), a piped submission its formId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(FormCompleter))]
        public long FormId { get; set; }

        /// <summary>Only the submissions of these contacts (forms/{id}/submissions/contact/{contactId}).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByContact)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        /// <summary>These submissions by id; one of another form is an ObjectNotFound error.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] SubmissionId { get; set; }

        protected override void Process()
        {
            var forms = Conn.Forms;
            if (ParameterSetName == ById)
            {
                ForEachId(SubmissionId, id => WriteRecord(forms.Submission(FormId, id, CancellationToken)));
                return;
            }
            var contacts = ParameterSetName == ByContact ? System.Array.ConvertAll(ContactId, c => (long?)c) : new long?[] { null };
            foreach (var contact in contacts)
            {
                try
                {
                    WriteStream(total => forms.Submissions(FormId, contact, BuildPagedQuery(), CancellationToken, total),
                        "Reading the submissions of Mautic form " + FormId);
                }
                catch (MauticApiException e) { WriteItemError(e, (object)contact ?? FormId); }
            }
        }
    }
}
