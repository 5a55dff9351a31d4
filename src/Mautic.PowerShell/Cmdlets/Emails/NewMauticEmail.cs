namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>
    /// Creates e-mails (Mautic requires a name and a subject; the language is "en" and the type "template" unless
    /// given; -SegmentId makes a segment e-mail); piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticEmail", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticEmail.md")]
    [OutputType("Mautic.Email")]
    public sealed partial class NewMauticEmail : NewEntityCmdlet<EmailParameters>
    {
        protected override MauticResource Area => MauticResources.Emails;
    }
}
