#requires -Version 7.0
<#
    Projects (Mautic 7.0 or later, /api/v2/projects) and project membership of a segment and a company, against the
    four targets. On 7.x (Fake7, Live7): create, list, find, rename, delete, and a segment and a company in and out of
    a project. On 5.1 (Fake, Live): every project cmdlet stops with the version gate's text and sends nothing.
    Mautic 7.0.0's v2 API refuses OAuth2 client-credentials tokens (measured: 401 "Invalid credentials."), so this file
    connects with Basic auth. Everything is named after the run id and deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the project scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Projects on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'p'
        $script:Run = $T.Run
        Connect-Mautic $T.BaseUrl -Credential $T.Credential
    }

    AfterAll {
        Exit-ScenarioRun $T {
            Connect-Mautic $T.BaseUrl -Credential $T.Credential
            if ($T.Version.Major -ge 7) {
                $left = @(Get-MauticProject -ErrorAction Stop | Where-Object name -like "*$Run*")
                if ($left) { $left | Remove-MauticProject -Force -ErrorAction Stop }
            }
            $segments = @(Get-MauticSegment -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($segments) { $segments | Remove-MauticSegment -Force -ErrorAction Stop }
            $stages = @(Get-MauticStage -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($stages) { $stages | Remove-MauticStage -Force -ErrorAction Stop }
            $companies = @(Get-MauticCompany -Search $Run -ErrorAction Stop | Where-Object companyname -like "*$Run*")
            if ($companies) { $companies | Remove-MauticCompany -Force -ErrorAction Stop }
        }
    }

    It 'stops every project cmdlet with the version gate on an older server' {
        if ($T.Version.Major -ge 7) { Set-ItResult -Skipped -Because 'the server is 7.0 or later'; return }
        foreach ($call in @(
                { Get-MauticProject }
                { New-MauticProject -Name "gate-$Run" }
                { Set-MauticProject -Id 1 -Name x }
                { Remove-MauticProject -Id 1 -Force }
                { [pscustomobject]@{ PSTypeName = 'Mautic.Segment'; id = 1 } | Add-MauticProjectMember -Project 1 }   # the server may have no segment
                { Invoke-MauticRequest v2/projects })) {
            $err = $null
            try { & $call -ErrorAction Stop } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
            $err.Exception.Message | Should -BeLike "*needs Mautic 7.0 or later; this server is $($T.Version)."
        }
    }

    It 'creates, lists, finds, renames and deletes a project' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'projects need Mautic 7.0 or later'; return }
        $p = New-MauticProject -Name "q3-$Run" -Description 'live' -ErrorAction Stop
        $p.PSObject.TypeNames[0] | Should -Be 'Mautic.Project'
        $p.id | Should -BeGreaterThan 0
        $p.description | Should -Be 'live'
        (Get-MauticProject -ErrorAction Stop | Where-Object id -eq $p.id).name | Should -Be "q3-$Run"
        (Get-MauticProject -Name "Q3-$Run" -ErrorAction Stop).id | Should -Be $p.id
        $renamed = Set-MauticProject -Id $p.id -Name "q4-$Run" -PassThru -ErrorAction Stop
        $renamed.name | Should -Be "q4-$Run"
        $renamed.description | Should -Be 'live'
        Remove-MauticProject -Id $p.id -Force -ErrorAction Stop
        $err = $null
        try { Get-MauticProject -Id $p.id -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'puts a segment and a company into a project and takes them out again' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'projects need Mautic 7.0 or later'; return }
        $project = New-MauticProject -Name "members-$Run" -ErrorAction Stop
        $segment = New-MauticSegment -Name "seg-$Run" -ErrorAction Stop
        $company = New-MauticCompany -Name "co-$Run" -ErrorAction Stop
        $added = @($segment, $company) | Add-MauticProjectMember -Project "members-$Run" -PassThru -ErrorAction Stop
        $added.Count | Should -Be 2
        foreach ($r in $added) { @($r.projects.id) | Should -Be @($project.id) }
        @((Get-MauticSegment -Id $segment.id).projects.name) | Should -Be @("members-$Run")

        $removed = Get-MauticCompany -Id $company.id | Remove-MauticProjectMember -Project $project -PassThru -ErrorAction Stop
        @($removed.projects).Count | Should -Be 0
        $segment | Remove-MauticProjectMember -Project $project.id -ErrorAction Stop
        @((Get-MauticSegment -Id $segment.id).projects).Count | Should -Be 0
    }

    It 'refuses a record of a kind without projects, naming the kind' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'projects need Mautic 7.0 or later'; return }
        $err = $null
        try { [pscustomobject]@{ PSTypeName = 'Mautic.Tag'; id = 1; tag = 'x' } | Add-MauticProjectMember -Project 1 -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike '*Mautic.Tag*'
    }

    It 'shows the uuid Mautic 7 gives records, as its v2 API has it, when asked with -IncludeUuid' {
        $segment = New-MauticSegment -Name "uuid-$Run" -ErrorAction Stop
        $stage = New-MauticStage -Name "uuid-$Run" -ErrorAction Stop
        if ($T.Version.Major -lt 7) {
            $err = $null
            try { Get-MauticSegment -Id $segment.id -IncludeUuid -ErrorAction Stop } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
            $err.Exception.Message | Should -Be "Reading the uuid of segment records needs Mautic 7.0 or later; this server is $($T.Version)."
            return
        }
        $listed = @(Get-MauticSegment -Search "uuid-$Run" -IncludeUuid -ErrorAction Stop | Where-Object id -eq $segment.id)
        $listed.Count | Should -Be 1
        [guid]::TryParse($listed[0].uuid, [ref][guid]::Empty) | Should -BeTrue
        $listed[0].uuid | Should -Be (Invoke-MauticRequest "v2/segments/$($segment.id)" -ErrorAction Stop).uuid
        (Get-MauticStage -Id $stage.id -IncludeUuid -ErrorAction Stop).uuid | Should -Be (Invoke-MauticRequest "v2/stages/$($stage.id)" -ErrorAction Stop).uuid
        (Get-MauticSegment -Id $segment.id -ErrorAction Stop).PSObject.Properties['uuid'] | Should -BeNullOrEmpty   # v1 alone never shows one
        Remove-MauticStage -Id $stage.id -Force -ErrorAction Stop
    }
}
