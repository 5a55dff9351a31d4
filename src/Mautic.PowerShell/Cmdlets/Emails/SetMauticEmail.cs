namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>
    /// Edits e-mails by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Subject and -Language, and a
    /// segment e-mail its -EmailType and -SegmentId again); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticEmail", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticEmail.md")]
    [OutputType("Mautic.Email")]
    public sealed partial class SetMauticEmail : SetEntityCmdlet<EmailParameters>
    {
        protected override MauticResource Area => MauticResources.Emails;
    }
}
