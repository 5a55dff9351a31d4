namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    const string Txt = "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'cc-' + [guid]::NewGuid().ToString('n') + '.txt'); [System.IO.File]::WriteAllText($p, 'cmdlet case'); try { ";
    const string TxtDone = " } finally { [System.IO.File]::Delete($p) }";
    const string ZipDone = " } finally { [System.IO.Directory]::Delete($d, $true) }";
    const string Zip = "$d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'cc-' + [guid]::NewGuid().ToString('n')); [void][System.IO.Directory]::CreateDirectory($d); try { $zip = Save-MauticTheme blank -Path $d; ";

    /// <summary>Files and themes: one success and one failure script per cmdlet.</summary>
    static readonly Case[] FilesThemes =
    [
        new("Get-MauticFile", "Get-MauticFile -Directory images", "Get-MauticFile -Directory images/nosuchfolder; Get-MauticFile -Directory videos"),
        new("Add-MauticFile", Txt + "Add-MauticFile -Directory media -Path $p" + TxtDone, Txt + "Add-MauticFile -Directory images -Path ($p + '.missing'); Add-MauticFile -Directory images -Path ([System.IO.Path]::GetTempPath() + 'cc-nomatch-*.none')" + TxtDone),
        new("Remove-MauticFile", Txt + "Add-MauticFile -Directory images -Path $p | Remove-MauticFile -Force" + TxtDone, "Remove-MauticFile -Directory images -Name nosuchfile.png -Force"),
        new("Get-MauticTheme", "Get-MauticTheme; Get-MauticTheme -Name 'fresh-*'", "Get-MauticTheme -Name nosuchtheme"),
        new("Save-MauticTheme", Zip + "$zip.Name; $zip.Length" + ZipDone, Zip + "Save-MauticTheme nosuchtheme -Path $d; Save-MauticTheme blank -Path $d" + ZipDone),
        new("Add-MauticTheme", Zip + "$zip | Add-MauticTheme -Name ('cc' + [guid]::NewGuid().ToString('n').Substring(0, 8))" + ZipDone, Zip + "$zip | Add-MauticTheme -Name blank -Force; Add-MauticTheme -Path ([System.IO.Path]::Combine($d, 'none-*.zip'))" + ZipDone),
        new("Remove-MauticTheme", Zip + "$zip | Add-MauticTheme -Name ('cr' + [guid]::NewGuid().ToString('n').Substring(0, 8)) | Remove-MauticTheme -Force" + ZipDone, "Remove-MauticTheme -Name nosuchtheme -Force; Remove-MauticTheme -Name blank -Force"),
    ];
}
