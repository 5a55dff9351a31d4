#requires -Version 7.0
<#
    Notes and custom fields, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and
    @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). Everything is created under a run id: contacts
    under its e-mail domain (their notes go with them), fields with aliases that start with it. Creating a contact
    field alters the real contact table, so every field made here is deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the note and field scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Notes and custom fields on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Missing = 987654321
        $script:Ann = New-MauticContact -Email "ann@$Domain" -FirstName Ann -ErrorAction Stop
        $script:Bob = New-MauticContact -Email "bob@$Domain" -FirstName Bob -ErrorAction Stop
    }

    AfterAll {
        Exit-ScenarioRun $T {
            # A contact's notes are deleted with it.
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            foreach ($object in 'Contact', 'Company') {
                $fields = @(Get-MauticField -Object $object -Search $Run -ErrorAction Stop | Where-Object alias -like "$Run*")
                if ($fields) { $fields | Remove-MauticField -Object $object -Force -ErrorAction Stop }
            }
        }
    }

    Context 'Notes' {
        It 'adds a note to a piped contact, shown with the contact''s id' {
            $note = Get-MauticContact -Email "ann@$Domain" | New-MauticNote -Text "<b>Called</b> $Run" -Type call -DateTime ([datetime]::new(2026, 3, 14, 10, 30, 0, [DateTimeKind]::Utc))
            $note.PSObject.TypeNames[0] | Should -Be 'Mautic.Note'
            $note.lead | Should -Be $Ann.id
            $note.text | Should -Be "<b>Called</b> $Run"
            $note.type | Should -Be 'call'
            $note.dateTime.ToUniversalTime() | Should -Be ([datetime]::new(2026, 3, 14, 10, 30, 0, [DateTimeKind]::Utc))
        }

        It 'writes a batch of rows and refuses, before sending, the notes with no or an unknown contact' {
            $rows = @(
                [pscustomobject]@{ text = "b1 $Run"; lead = $Bob.id }
                [pscustomobject]@{ text = "no contact $Run" }
                [pscustomobject]@{ text = "ghost $Run"; ContactId = $Missing }
                [pscustomobject]@{ text = "b2 $Run"; ContactId = $Bob.id; type = 'meeting' }
            )
            $made = @($rows | New-MauticNote -ErrorVariable failed -ErrorAction SilentlyContinue)
            $made.text | Sort-Object | Should -Be @("b1 $Run", "b2 $Run")
            $made | ForEach-Object { $_.lead | Should -Be $Bob.id }
            $failed.Count | Should -Be 2
            ($failed | Where-Object { $_.CategoryInfo.Category -eq 'InvalidArgument' }).TargetObject.text | Should -Be "no contact $Run"
            ($failed | Where-Object { $_.CategoryInfo.Category -eq 'ObjectNotFound' }).Exception.Message | Should -Match "$Missing"
            # Nothing was saved that was not reported.
            @(Get-MauticNote -Search $Run | Where-Object lead -eq $Bob.id).Count | Should -Be 2
        }

        It 'lists a contact''s notes newest first' {
            Start-Sleep -Milliseconds 1100   # Mautic orders by dateAdded, in whole seconds
            New-MauticNote -ContactId $Bob.id -Text "b3 $Run" | Out-Null
            $notes = @(Get-MauticContactNote -Id $Bob.id)
            $notes.Count | Should -Be 3
            $notes.text | Should -Be @("b3 $Run", "b1 $Run", "b2 $Run")   # newest first; the same second in id order
            $notes | ForEach-Object { $_.lead | Should -Be $Bob.id }
            Get-MauticContactNote -Id $Missing -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'edits with PATCH, and -Replace resets type and date but keeps the contact' {
            $note = Get-MauticNote -Search "Called</b> $Run" | Select-Object -First 1
            $patched = Set-MauticNote -Id $note.id -Text "Called back $Run" -PassThru
            $patched.type | Should -Be 'call'
            $patched.dateTime | Should -Not -BeNullOrEmpty
            $put = Set-MauticNote -Id $note.id -Text "Replaced $Run" -Replace -PassThru
            $put.type | Should -BeNullOrEmpty
            $put.dateTime | Should -BeNullOrEmpty
            $put.lead | Should -Be $Ann.id
        }

        It 'deletes a contact''s notes in one batch and reports a missing id' {
            $gone = @(Get-MauticContactNote -Id $Bob.id | Remove-MauticNote -Force -PassThru)
            $gone.Count | Should -Be 3
            @(Get-MauticContactNote -Id $Bob.id).Count | Should -Be 0
            Remove-MauticNote -Id $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context 'Custom fields' {
        It 'creates a contact select field and a company field whose alias comes from the label' {
            $script:Plan = New-MauticField -Label "Plan $Run" -Alias "${Run}_plan" -Type select -Group professional -Property @{ properties = @{ list = @(@{ label = 'Free'; value = 'free' }, @{ label = 'Pro'; value = 'pro' }) } }
            $Plan.PSObject.TypeNames[0] | Should -Be 'Mautic.Field'
            $Plan.object | Should -Be 'lead'
            $Plan.alias | Should -Be "${Run}_plan"
            $Plan.type | Should -Be 'select'
            $script:Seats = New-MauticField -Object Company -Label "$Run seats" -Type number
            $Seats.object | Should -Be 'company'
            $Seats.alias | Should -Be "${Run}_seats"
        }

        It 'lists each object''s fields on its own route' {
            (Get-MauticField -Search $Run).alias | Should -Be "${Run}_plan"
            (Get-MauticField -Object Company -Search $Run).alias | Should -Be "${Run}_seats"
            (Get-MauticField -Id $Plan.id).label | Should -Be "Plan $Run"
        }

        It 'refuses an alias another field has' {
            New-MauticField -Label "Again $Run" -Alias "${Run}_plan" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e[0].Exception.Message | Should -Match 'alias'
        }

        It 'lists published fields in the short form, and an unpublished one is left out' {
            (Get-MauticField -Published).alias | Should -Contain "${Run}_plan"
            (Get-MauticField -Published -Object Company).alias | Should -Contain "${Run}_seats"
            Set-MauticField -Id $Plan.id -Label "Plan renamed $Run" -Property @{ isPublished = $false; alias = 'changed' } | Out-Null
            (Get-MauticField -Published).alias | Should -Not -Contain "${Run}_plan"
            $now = Get-MauticField -Id $Plan.id
            $now.label | Should -Be "Plan renamed $Run"
            $now.alias | Should -Be "${Run}_plan"
        }

        It 'fails a replace that leaves the type out, and says why' {
            Set-MauticField -Object Company -Id $Seats.id -Label "Seats $Run" -Replace -ErrorVariable e -ErrorAction SilentlyContinue
            $e.Count | Should -Be 1
            $e[0].Exception.Message | Should -Match 'resets every'
        }

        It 'deletes the fields and reports a missing id' {
            Remove-MauticField -Id $Plan.id -Force -PassThru | Select-Object -ExpandProperty id | Should -Be $Plan.id
            Remove-MauticField -Object Company -Id $Seats.id, $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e.Count | Should -Be 1
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            Get-MauticField -Object Company -Search $Run | Should -BeNullOrEmpty
        }
    }
}
