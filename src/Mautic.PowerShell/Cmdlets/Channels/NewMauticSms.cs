namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Creates text messages (Mautic requires -Name and -Message; the language is "en" unless given); piped rows go 200
    /// per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticSms", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticSms.md")]
    [OutputType("Mautic.Sms")]
    public sealed partial class NewMauticSms : NewEntityCmdlet<SmsParameters>
    {
        protected override MauticResource Area => MauticResources.Smses;
    }
}
