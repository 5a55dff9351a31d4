namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits text messages by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Message and -Language);
    /// piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticSms", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticSms.md")]
    [OutputType("Mautic.Sms")]
    public sealed partial class SetMauticSms : SetEntityCmdlet<SmsParameters>
    {
        protected override MauticResource Area => MauticResources.Smses;
    }
}
