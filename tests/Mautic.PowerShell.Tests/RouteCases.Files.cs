namespace MauticPS.InProcess;

public static partial class RouteCases
{
    /// <summary>A local text file under the temp folder, named after $(Uid), in $p.</summary>
    const string TempFile = "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), \"rc-$(Uid).txt\"); [System.IO.File]::WriteAllText($p, 'route case')";
    /// <summary>The blank theme saved to a temp folder of its own, in $zip.</summary>
    const string TempTheme = "$d = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), \"rc-$(Uid)\"); [void][System.IO.Directory]::CreateDirectory($d); $zip = Save-MauticTheme blank -Path $d";

    static readonly RouteCase[] FilesThemes =
    [
        new("GET", "/api/files/{dir}", "Get-MauticFile -Directory images | Out-Null"),
        new("POST", "/api/files/{dir}/new", TempFile + "; Add-MauticFile -Directory media -Path $p | Remove-MauticFile -Force; [System.IO.File]::Delete($p)"),
        new("DELETE", "/api/files/{dir}/{file}/delete", TempFile + "; $f = Add-MauticFile -Directory images -LiteralPath $p; Remove-MauticFile -Directory images -Name $f.File -Force; [System.IO.File]::Delete($p)"),
        new("GET", "/api/themes", "Get-MauticTheme | Out-Null"),
        new("GET", "/api/themes/{theme}", TempTheme + "; [System.IO.Directory]::Delete($d, $true)"),
        new("POST", "/api/themes/new", TempTheme + "; $t = Add-MauticTheme -LiteralPath $zip.FullName -Name \"rc-$(Uid)\"; Remove-MauticTheme $t.Name -Force; [System.IO.Directory]::Delete($d, $true)"),
        new("DELETE", "/api/themes/{theme}/delete", TempTheme + "; $t = $zip | Add-MauticTheme -Name \"rcd-$(Uid)\"; $t | Remove-MauticTheme -Force; [System.IO.Directory]::Delete($d, $true)"),
    ];
}
