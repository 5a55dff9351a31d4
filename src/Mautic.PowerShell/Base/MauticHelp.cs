namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Where Get-Help -Online goes: each cmdlet's HelpUri is <see cref="Online"/> + "Verb-Noun.md", its page in the
    /// repository's docs (the manifest's ProjectUri + "/blob/main/docs/"). Attribute values must be constants, so each
    /// [Cmdlet] names its page; a module test checks every one against the cmdlet's name and docs/.
    /// </summary>
    internal static class MauticHelp
    {
        public const string Online = "https://github.com/MauticPS/MauticPS/blob/main/docs/";
    }
}
