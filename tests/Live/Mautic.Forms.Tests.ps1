#requires -Version 7.0
<#
    Forms, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and @{ Target = 'Live' };
    tests/Live/Invoke-LiveSuite.ps1 runs both): a form with fields and actions, submitted through Mautic's public
    /form/submit (loopback only), its submissions read back, a field and an action removed, the form deleted. Every
    form is named after a run id; the forms and the contacts the submissions made are deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the form scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Forms on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'f'
        $script:Run = $T.Run
        $script:Missing = 987654321
        $script:Contacts = [System.Collections.Generic.List[long]]::new()

        # Submits a form as a browser does: POST /form/submit?formId=N with mauticform[alias]=value (Mautic answers 302 to /form/message).
        function script:Send-FormSubmission($Form, [hashtable] $Values) {
            $body = @{ 'mauticform[formId]' = "$($Form.id)"; 'mauticform[return]' = ''; 'mauticform[formName]' = $Form.alias }
            foreach ($k in $Values.Keys) { $body["mauticform[$k]"] = $Values[$k] }
            $answer = Invoke-WebRequest -Method Post -Uri "$($T.BaseUrl)/form/submit?formId=$($Form.id)" -Body $body -SkipHttpErrorCheck -MaximumRedirection 0 -ErrorAction SilentlyContinue
            [int] $answer.StatusCode
        }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticForm -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($left) { $left | Remove-MauticForm -Force -ErrorAction Stop }
            $made = @($Contacts | Sort-Object -Unique)
            if ($made) { $made | Remove-MauticContact -Force -ErrorAction SilentlyContinue }
        }
    }

    It 'creates a form with fields and actions: ids for each, the alias made from the name' {
        $script:Form = New-MauticForm -Name "Survey $Run" -Description 'live' -PostAction message -PostActionProperty 'Thanks' -ErrorAction Stop -Field `
            @{ label = 'Email'; type = 'email'; alias = 'email'; mappedObject = 'contact'; mappedField = 'email' },
            @{ label = 'Comment'; type = 'text'; alias = 'comment' },
            @{ label = 'Send'; type = 'button' } -Action `
            @{ name = 'Score'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 2 } },
            @{ name = 'Score again'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 1 } }
        $Form.PSObject.TypeNames[0] | Should -Be 'Mautic.Form'
        $Form.alias | Should -Be ('survey_' + $Run.Substring(0, 3))      # Mautic's cleanAlias(name): lower case, '_' for spaces, 10 characters
        $Form.postAction | Should -Be 'message'
        $Form.formType | Should -Be 'standalone'
        @($Form.fields) | Should -HaveCount 3
        @($Form.fields).alias[0..1] | Should -Be @('email', 'comment')
        @($Form.fields)[2].alias | Should -Match '^[a-z0-9_]+$'         # made up by Mautic
        @($Form.actions) | Should -HaveCount 2
        @($Form.actions)[0].properties.points | Should -Be 2
        $Form.cachedHtml | Should -Match "formId=$($Form.id)"
    }

    It 'refuses a new field without a type before sending' {
        { New-MauticForm -Name "bad-$Run" -Field @{ label = 'No type' } } | Should -Throw '*missing: type*'
        @(Get-MauticForm -Search "bad-$Run") | Should -HaveCount 0
    }

    It 'stores public submissions and reads them back with the values as properties' {
        Send-FormSubmission $Form @{ email = "ann-$Run@example.com"; comment = 'Hello, world' } | Should -BeIn 200, 302
        Send-FormSubmission $Form @{ email = "bob-$Run@example.com"; comment = 'Hi' } | Should -BeIn 200, 302
        Send-FormSubmission $Form @{ email = "ann-$Run@example.com"; comment = 'Again' } | Should -BeIn 200, 302
        $script:Subs = @(Get-MauticForm -Id $Form.id | Get-MauticFormSubmission -PageSize 2 -ErrorAction Stop)
        $Subs | ForEach-Object { if ($_.contactId) { $Contacts.Add($_.contactId) } }
        $Subs | Should -HaveCount 3
        $Subs[0].PSObject.TypeNames[0] | Should -Be 'Mautic.FormSubmission'
        $Subs[0].formId | Should -Be $Form.id
        $Subs[0].email | Should -Be "ann-$Run@example.com"
        $Subs[0].comment | Should -Be 'Hello, world'
        $Subs[0].dateSubmitted | Should -BeOfType [datetime]
        $Subs[0].ipAddress | Should -Be '127.0.0.1'
        $Subs[0].contactId | Should -BeGreaterThan 0
        $Subs[0].contactId | Should -Be $Subs[2].contactId                    # the e-mail field identifies the contact
        $Subs[0].PSObject.Properties.Name | Should -Not -Contain 'send'        # a button stores no value
    }

    It 'pages and filters submissions, and writes them to CSV one column per field' {
        $page = @(Get-MauticFormSubmission -FormId $Form.id -Skip 1 -First 1 -ErrorAction Stop)
        $page.comment | Should -Be 'Hi'
        $newest = @(Get-MauticFormSubmission -FormId $Form.id -OrderBy s.date_submitted -Descending -First 1 -ErrorAction Stop)
        $newest | Should -HaveCount 1
        $bob = @(Get-MauticFormSubmission -FormId $Form.id -Where @{ col = 'r.email'; expr = 'eq'; val = "bob-$Run@example.com" } -ErrorAction Stop)
        $bob.comment | Should -Be 'Hi'
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) "forms-$Run.csv"
        try {
            Get-MauticFormSubmission -FormId $Form.id | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv)
            $rows | Should -HaveCount 3
            $rows[0].PSObject.Properties.Name | Should -Be @('id', 'formId', 'contactId', 'dateSubmitted', 'ipAddress', 'referer', 'trackingId', 'pageId', 'email', 'comment')
            $rows[1].comment | Should -Be 'Hi'
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }
    }

    It 'reads the submissions of one contact, and one by id; a submission of another form is ObjectNotFound' {
        $ann = @(Get-MauticFormSubmission -FormId $Form.id -ContactId $Subs[0].contactId -ErrorAction Stop)
        $ann.comment | Should -Be @('Hello, world', 'Again')
        (Get-MauticFormSubmission -FormId $Form.id -SubmissionId $Subs[1].id -ErrorAction Stop).comment | Should -Be 'Hi'
        $script:Other = New-MauticForm -Name "Other $Run" -ErrorAction Stop
        Get-MauticFormSubmission -FormId $Other.id -SubmissionId $Subs[1].id -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match "submission of form $($Form.id)"
        @(Get-MauticFormSubmission -FormId $Other.id -ErrorAction Stop) | Should -HaveCount 0
        Get-MauticFormSubmission -FormId $Missing -ErrorAction SilentlyContinue -ErrorVariable err2 | Should -BeNullOrEmpty
        $err2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'adds a field with PATCH and keeps the others' {
        $changed = Set-MauticForm -Id $Form.id -Field @{ label = 'Phone'; type = 'tel'; alias = 'phone' } -PassThru -ErrorAction Stop
        @($changed.fields) | Should -HaveCount 4
        @($changed.fields).alias | Should -Contain 'phone'
        @($changed.actions) | Should -HaveCount 2
    }

    It 'removes a field and an action; an id the form lacks is ObjectNotFound carrying it' {
        $phone = @((Get-MauticForm -Id $Form.id).fields | Where-Object alias -eq 'phone')[0]
        $after = Remove-MauticFormField -FormId $Form.id -FieldId $phone.id, $Missing -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable err
        @($after.fields) | Should -HaveCount 3
        @($after.fields).alias | Should -Not -Contain 'phone'
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $Missing
        $action = @($Form.actions)[1]
        $left = Remove-MauticFormAction -FormId $Form.id -ActionId $action.id -Force -PassThru -ErrorAction Stop
        @($left.actions) | Should -HaveCount 1
        @($left.actions)[0].name | Should -Be 'Score'
        (Get-MauticForm -Id $Form.id).actions.id | Should -Not -Contain $action.id
    }

    It 'replaces the fields with -Replace: the fields not given are deleted' {
        $email = @($Form.fields)[0]
        $replaced = Set-MauticForm -Id $Form.id -Name "Survey $Run" -Field @{ id = $email.id; label = 'Mail'; type = 'email'; alias = 'email'; mappedObject = 'contact'; mappedField = 'email' } -Replace -PassThru -ErrorAction Stop
        @($replaced.fields) | Should -HaveCount 1
        @($replaced.fields)[0].label | Should -Be 'Mail'
        @($replaced.actions) | Should -HaveCount 0
    }

    It 'deletes the forms; a deleted form is ObjectNotFound' {
        Remove-MauticForm -Id $Form.id, $Other.id -Force -ErrorAction Stop
        Get-MauticForm -Id $Form.id -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
