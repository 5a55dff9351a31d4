#requires -Version 7.0
<#
    Contacts' category subscriptions against the four targets. Reading (Get-MauticContactCategory, the lead_categories
    stats table) runs on every version; the writes need Mautic 7.0 (/api/v2/contactcategories). On 7.x (Fake7, Live7):
    subscribe, leave a subscription as it is, mark it removed and subscribe again, replace it, unsubscribe, and the
    errors for a missing contact and category. On 5.1 (Fake, Live): the three write cmdlets stop with the version gate's
    text. Mautic 7.0.0's v2 API refuses OAuth2 client-credentials tokens (measured: 401), so this file connects with
    Basic auth. The run makes its own contact and category, named after the run id, and deletes them in AfterAll
    (Mautic then drops their subscription rows).
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the contact category scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Contact categories on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'k'
        $script:Run = $T.Run
        Connect-Mautic $T.BaseUrl -Credential $T.Credential
        $script:Contact = New-MauticContact -Email "$Run@catg.example" -ErrorAction Stop
        $script:Other = New-MauticContact -Email "$Run-2@catg.example" -ErrorAction Stop
        $script:Category = New-MauticCategory -Name "cat-$Run" -Property @{ bundle = 'global' } -ErrorAction Stop
        $script:Missing = 2000000000   # no contact, no category has this id
        function script:Rows { @(Get-MauticContactCategory -ContactId $Contact.id -Category $Category.id -ErrorAction Stop) }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            Connect-Mautic $T.BaseUrl -Credential $T.Credential
            $contacts = @(Get-MauticContact -Search "email:$Run*" -ErrorAction Stop)
            if ($contacts) { $contacts | Remove-MauticContact -Force -ErrorAction Stop }
            $categories = @(Get-MauticCategory -Search $Run -ErrorAction Stop | Where-Object title -like "*$Run*")
            if ($categories) { $categories | Remove-MauticCategory -Force -ErrorAction Stop }
        }
    }

    It 'reads subscriptions on any version: none for a new contact, an error for a missing one' {
        @(Get-MauticContactCategory -ContactId $Contact.id -ErrorAction Stop).Count | Should -Be 0
        @(Get-MauticContact -Id $Contact.id, $Other.id | Get-MauticContactCategory -Category "cat-$Run" -ErrorAction Stop).Count | Should -Be 0
        $err = $null
        try { Get-MauticContactCategory -ContactId $Missing -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be $Missing
    }

    It 'stops every write with the version gate on an older server' {
        if ($T.Version.Major -ge 7) { Set-ItResult -Skipped -Because 'the server is 7.0 or later'; return }
        foreach ($call in @(
                { Add-MauticContactCategory -Category $Category.id -ContactId $Contact.id }
                { Remove-MauticContactCategory -Category $Category.id -ContactId $Contact.id -Force }
                { Set-MauticContactCategory -Id 1 -ManuallyRemoved $true })) {
            $err = $null
            try { & $call -ErrorAction Stop } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
            $err.Exception.Message | Should -BeLike "*needs Mautic 7.0 or later; this server is $($T.Version)."
        }
        @(Get-MauticContactCategory -ContactId $Contact.id -ErrorAction Stop).Count | Should -Be 0
    }

    It 'subscribes a contact once, reads it back, and leaves an existing subscription as it is' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'changing subscriptions needs Mautic 7.0 or later'; return }
        $added = Add-MauticContactCategory -Category "cat-$Run" -ContactId $Contact.id -PassThru -ErrorAction Stop
        $added.PSObject.TypeNames[0] | Should -Be 'Mautic.ContactCategory'
        $added.ContactId | Should -Be $Contact.id
        $added.CategoryId | Should -Be $Category.id
        $added.Category | Should -Be "cat-$Run"
        $added.ManuallyAdded | Should -BeTrue
        $added.ManuallyRemoved | Should -BeFalse
        $added.DateAdded | Should -BeOfType [datetime]
        ([datetime]::UtcNow - $added.DateAdded).TotalMinutes | Should -BeLessThan 10

        $row = Rows
        $row.Count | Should -Be 1
        $row[0].Id | Should -Be $added.Id
        $row[0].Category | Should -Be "cat-$Run"

        $again = Add-MauticContactCategory -Category $Category -ContactId $Contact.id -Verbose -ErrorAction Stop 4>&1
        @(Get-HttpCall $again POST 'v2/contactcategories').Count | Should -Be 0
        @(Get-HttpCall $again PATCH 'v2/contactcategories/\d+').Count | Should -Be 0
        (Rows).Count | Should -Be 1
    }

    It 'marks the subscription removed, subscribes again with a patch, replaces it and unsubscribes' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'changing subscriptions needs Mautic 7.0 or later'; return }
        $row = Rows | Select-Object -First 1
        $row | Should -Not -BeNullOrEmpty
        $removed = $row | Set-MauticContactCategory -ManuallyRemoved $true -PassThru -ErrorAction Stop
        $removed.ManuallyRemoved | Should -BeTrue
        $removed.ManuallyAdded | Should -BeTrue
        (Rows)[0].ManuallyRemoved | Should -BeTrue

        $back = Add-MauticContactCategory -Category $Category.id -ContactId $Contact.id -PassThru -Verbose -ErrorAction Stop 4>&1
        @(Get-HttpCall $back PATCH "v2/contactcategories/$($row.Id)").Count | Should -Be 1
        @(Get-HttpCall $back POST 'v2/contactcategories').Count | Should -Be 0
        $now = Rows
        $now.Count | Should -Be 1
        ($now[0].ManuallyAdded, $now[0].ManuallyRemoved) | Should -Be @($true, $false)

        $replaced = Set-MauticContactCategory -Id $row.Id -Replace -DateAdded ([datetime]::new(2025, 5, 6, 7, 8, 9, [DateTimeKind]::Utc)) -PassThru -ErrorAction Stop
        $replaced.DateAdded | Should -Be ([datetime]::new(2025, 5, 6, 7, 8, 9, [DateTimeKind]::Utc))
        ($replaced.ManuallyAdded, $replaced.ManuallyRemoved) | Should -Be @($false, $false)
        (Rows)[0].DateAdded | Should -Be ([datetime]::new(2025, 5, 6, 7, 8, 9, [DateTimeKind]::Utc))

        $gone = Remove-MauticContactCategory -Category $Category.id -ContactId $Contact.id, $Other.id -Force -PassThru -Verbose -ErrorAction Stop 4>&1
        @($gone | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Id | Should -Be $row.Id
        @($gone | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "Contact $($Other.id) is not subscribed*" }).Count | Should -Be 1
        (Rows).Count | Should -Be 0
        $err = $null
        try { Set-MauticContactCategory -Id $row.Id -ManuallyAdded $true -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'names the missing contact, and stops on a missing category before changing anything' {
        if ($T.Version.Major -lt 7) { Set-ItResult -Skipped -Because 'changing subscriptions needs Mautic 7.0 or later'; return }
        $errs = $null
        $out = Add-MauticContactCategory -Category $Category.id -ContactId $Missing, $Other.id -PassThru -ErrorAction SilentlyContinue -ErrorVariable errs
        @($out).ContactId | Should -Be $Other.id
        $errs.Count | Should -Be 1
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $Missing
        $errs[0].Exception.Message | Should -BeLike "Contact $Missing was not found.*"

        $err = $null
        try { Add-MauticContactCategory -Category $Missing -ContactId $Contact.id -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -BeLike "Category $Missing was not found.*"
        (Rows).Count | Should -Be 0
        Remove-MauticContactCategory -Category $Category.id -ContactId $Other.id -Force -ErrorAction Stop
        @(Get-MauticContactCategory -ContactId $Other.id -ErrorAction Stop).Count | Should -Be 0
    }
}
