namespace MauticPS.InProcess;

/// <summary>
/// One row per exported cmdlet: a script that succeeds and one that fails, run after Connect-Mautic against a fake
/// server seeded with contacts 1-3 (contact 1 in segment 1). The secrets and serialization theories run every row;
/// CoverageTests fails when an exported cmdlet has no row, so a new cmdlet cannot skip them. An area's own rows may
/// live in a file of its own (CmdletCases.&lt;Area&gt;.cs): any static Case[] field of this partial class is read.
/// </summary>
public static partial class CmdletCases
{
    public sealed record Case(string Cmdlet, string Success, string? Failure);

    public static readonly Case[] All =
    [
        new("Connect-Mautic", "Connect-Mautic $BaseUrl -Credential $Cred -PassThru", "Connect-Mautic $BaseUrl -Credential $BadCred"),
        new("Disconnect-Mautic", "$c = Get-MauticConnection; Disconnect-Mautic; $c", null),
        new("Get-MauticConnection", "Get-MauticConnection", "Disconnect-Mautic; Get-MauticConnection"),
        new("Test-MauticConnection", "Test-MauticConnection; Test-MauticConnection -Url $BaseUrl -ClientCredential $ClientCred", "Test-MauticConnection -Url $BaseUrl -Credential $BadCred; Disconnect-Mautic; Test-MauticConnection"),
        new("Get-MauticContact", "Get-MauticContact -First 2 -IncludeTotalCount; Get-MauticContact -Email a1@example.com", "Get-MauticContact -Id 424242; Get-MauticContact -Email nobody@example.com"),
        new("New-MauticContact", "'n1@example.com', 'n2@example.com' | New-MauticContact -Tag t", "'bad-address', [pscustomobject]@{ email = 'x@example.com'; score = 'not-a-number' } | New-MauticContact"),
        new("Import-MauticContact",
            "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ic-' + [guid]::NewGuid().ToString('n') + '.csv'); [System.IO.File]::WriteAllText($p, \"email,city`nimp1@example.com,Paris`n\"); Import-MauticContact $p; [System.IO.File]::Delete($p)",
            "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ic-' + [guid]::NewGuid().ToString('n') + '.csv'); [System.IO.File]::WriteAllText($p, \"firstname`nNoKey`n\"); Import-MauticContact $p; [System.IO.File]::Delete($p); Import-MauticContact -Path ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'no-such-file.csv'))"),
        new("Export-MauticContact",
            "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ec-' + [guid]::NewGuid().ToString('n') + '.csv'); Export-MauticContact $p email, firstname; Get-Content $p; [System.IO.File]::Delete($p)",
            "$p = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ec-' + [guid]::NewGuid().ToString('n') + '.csv'); Export-MauticContact $p -Property nosuchfield; Export-MauticContact $p -Segment 999"),
        new("Sync-MauticContact", "[pscustomobject]@{ email = 'sync1@example.com'; city = 'Paris' } | Sync-MauticContact", "[pscustomobject]@{ firstname = 'NoKey' } | Sync-MauticContact"),
        new("Set-MauticContact", "Get-MauticContact -Id 1 | Set-MauticContact -AddTag vip -PassThru", "Set-MauticContact -Id 424242 -FirstName X; Set-MauticContact -Id 1"),
        new("Remove-MauticContact", "Remove-MauticContact -Id 3 -Force -PassThru", "Remove-MauticContact -Id 424242 -Force"),
        new("Get-MauticContactSegment", "Get-MauticContactSegment -Id 1", "Get-MauticContactSegment -Id 424242"),
        new("Get-MauticSegment", "Get-MauticSegment; Get-MauticSegment -Id 1", "Get-MauticSegment -Id 999"),
        new("Get-MauticSegmentMember", "Add-MauticSegmentMember -SegmentId 2 -ContactId 1; Get-MauticSegmentMember 2", "Get-MauticSegmentMember -SegmentId 999"),
        new("Get-MauticCompanyMember", "$c = New-MauticCompany -Name 'gm1'; Add-MauticCompanyMember $c.id 1; Get-MauticCompanyMember $c.id", "Get-MauticCompanyMember -CompanyId 999"),
        new("Get-MauticStageMember", "$s = New-MauticStage -Name 'gm2'; Set-MauticContactStage $s.id 1; Get-MauticStageMember $s.id", "Get-MauticStageMember -StageId 999"),
        new("Get-MauticTagMember", "$t = New-MauticTag -Name 'gm3'; Get-MauticContact -Id 1 | Set-MauticContact -AddTag 'gm3'; Get-MauticTagMember $t.id", "Get-MauticTagMember -TagId 999"),
        new("Add-MauticSegmentMember", "Add-MauticSegmentMember -SegmentId 2 -ContactId 1, 2 -PassThru", "Add-MauticSegmentMember -SegmentId 2 -ContactId 424242"),
        new("Remove-MauticSegmentMember", "Remove-MauticSegmentMember -SegmentId 1 -ContactId 1 -PassThru", "Remove-MauticSegmentMember -SegmentId 999 -ContactId 1"),
        new("Send-MauticEmail", "Send-MauticEmail -EmailId 2 -ContactId 1 -Tokens @{ x = 1 }; Send-MauticEmail -EmailId 1 -Segment", "Send-MauticEmail -EmailId 999 -ContactId 1; Send-MauticEmail -EmailId 2 -Segment"),
        new("Add-MauticCompanyMember", "$c = New-MauticCompany -Name 'm1'; Add-MauticCompanyMember -CompanyId $c.id -ContactId 1, 2 -PassThru", "$c = New-MauticCompany -Name 'm2'; Add-MauticCompanyMember -CompanyId $c.id -ContactId 424242"),
        new("Remove-MauticCompanyMember", "$c = New-MauticCompany -Name 'm3'; 1 | Add-MauticCompanyMember -CompanyId $c.id; Remove-MauticCompanyMember $c.id 1 -PassThru", "Remove-MauticCompanyMember -CompanyId 999 -ContactId 1"),
        new("Set-MauticContactStage", "$s = New-MauticStage -Name 's1'; 1, 2 | Set-MauticContactStage -StageId $s.id -PassThru", "Set-MauticContactStage -StageId 999 -ContactId 1"),
        new("Invoke-MauticRequest", "Invoke-MauticRequest contacts/1; Invoke-MauticRequest contacts -Query @{ limit = 1 }", "Invoke-MauticRequest contacts/424242; Invoke-MauticRequest nothing/here"),
    ];

    /// <summary>The same rows for each area of the generic cmdlets.</summary>
    static readonly Case[] AreaCases = EntityAreaTests.Areas.SelectMany(a => new Case[]
    {
        new($"Get-Mautic{a.Noun}", $"New-Mautic{a.Noun} -Name 'g-{a.Noun}' | Out-Null; Get-Mautic{a.Noun} -IncludeTotalCount", $"Get-Mautic{a.Noun} -Id 987654"),
        new($"New-Mautic{a.Noun}", $"New-Mautic{a.Noun} -Name 'n-{a.Noun}' -Description d", $"New-Mautic{a.Noun} -Description 'no name'"),
        new($"Set-Mautic{a.Noun}", $"New-Mautic{a.Noun} -Name 's-{a.Noun}' | Set-Mautic{a.Noun} -Description x -PassThru", $"Set-Mautic{a.Noun} -Id 987654 -Description x"),
        new($"Remove-Mautic{a.Noun}", $"New-Mautic{a.Noun} -Name 'r-{a.Noun}' | Remove-Mautic{a.Noun} -Force -PassThru", $"Remove-Mautic{a.Noun} -Id 987654 -Force"),
    }).Where(c => All.All(h => h.Cmdlet != c.Cmdlet)).ToArray();   // Get-MauticSegment has its own row above

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Cmdlet });

    public static Case Get(string cmdlet) => Every.Single(c => c.Cmdlet == cmdlet);

    /// <summary>Every row: the hand-written ones, each generic area's, and those of any other Case[] field of this class.</summary>
    public static IEnumerable<Case> Every => typeof(CmdletCases)
        .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
        .Where(f => f.FieldType == typeof(Case[]))
        .SelectMany(f => (Case[])f.GetValue(null)!);
}
