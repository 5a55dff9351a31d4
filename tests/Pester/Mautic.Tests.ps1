#requires -Version 7.0
# The PowerShell-level suite: the real cmdlets, imported from out/Mautic/, against the fake Mautic started here
# on a free loopback port. Run with: pwsh ./build.ps1 Test (or Pester) after a build.

BeforeDiscovery {
    $script:CmdletNames = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/Mautic/Mautic.psd1')).CmdletsToExport
}

BeforeAll {
    # Discovery-time variables are not visible while tests run: read the manifest again for the run phase.
    $script:ExpectedCmdlets = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/Mautic/Mautic.psd1')).CmdletsToExport
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    # The fake Mautic on a free loopback port, started the way the live suite starts its Fake target.
    . (Join-Path $PSScriptRoot '../Live/ScenarioTarget.ps1')
    $script:Target = Initialize-ScenarioTarget -Target Fake
    $script:BaseUrl = $Target.BaseUrl

    Import-Module (Join-Path $Root 'out/Mautic/Mautic.psd1') -Force

    $script:Password = 'Sup3r-Secret-Pw!'
    $script:ClientSecret = 'fake-client-secret-7c41'
    # Test secrets only: a SecureString from a known plain text (the fake server's credentials).
    function script:New-TestSecret([string] $Plain) { (ConvertTo-ScenarioCredential 'x' $Plain).Password }
    $script:Cred = $Target.Credential
    $script:ClientCred = $Target.ClientCredential

    function script:Set-FakeFault([hashtable] $Fault) {
        Invoke-RestMethod "$BaseUrl/__fake/faults" -Method Post -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
    }
    function script:Set-FakeSetting([hashtable] $Setting) {
        Invoke-RestMethod "$BaseUrl/__fake/settings" -Method Post -ContentType 'application/json' -Body ($Setting | ConvertTo-Json) | Out-Null
    }
    # Invoke-RestMethod writes a JSON array as ONE object; assigning it first lets the pipeline enumerate it.
    function script:Get-FakeRequest([string] $PathPrefix) {
        $all = Invoke-RestMethod "$BaseUrl/__fake/requests"
        $all | Where-Object { $_.path.StartsWith($PathPrefix) }
    }
    function script:Get-FakeSent {
        $all = Invoke-RestMethod "$BaseUrl/__fake/sent"
        $all | Write-Output
    }
}

AfterAll {
    Remove-Module Mautic -ErrorAction SilentlyContinue
    Close-ScenarioTarget $script:Target
}

Describe 'The module' {
    It 'exports exactly the manifest''s cmdlets' {
        (Get-Command -Module Mautic).Name | Sort-Object | Should -Be ($ExpectedCmdlets | Sort-Object)
    }

    It 'has full help with at least two examples for <_>' -ForEach $CmdletNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'ships about_Mautic and about_Mautic_Authentication' {
        Get-Help about_Mautic | Out-String | Should -Match 'Connect-Mautic'
        Get-Help about_Mautic_Authentication | Out-String | Should -Match 'client credentials'
    }

    It 'gives Get-Help -Online the page of <_> in the repository''s docs' -ForEach $CmdletNames {
        $project = (Import-PowerShellDataFile (Join-Path $Root 'out/Mautic/Mautic.psd1')).PrivateData.PSData.ProjectUri
        (Get-Command $_).HelpUri | Should -Be "$project/blob/main/docs/$_.md"
        Test-Path (Join-Path $Root "docs/$_.md") | Should -BeTrue
    }
}

Describe 'Connect-Mautic' {
    BeforeEach { Disconnect-Mautic }

    It 'refuses to run a cmdlet before connecting, naming the fix' {
        { Get-MauticContact -First 1 } | Should -Throw -ExpectedMessage '*Connect-Mautic*'
    }

    It 'connects with Basic auth, stores the connection and returns it with -PassThru' {
        $conn = Connect-Mautic $BaseUrl -Credential $Cred -PassThru
        $conn.PSObject.TypeNames[0] | Should -Be 'Mautic.Connection'
        $conn.AuthMethod | Should -Be 'Basic'
        $conn.UserName | Should -Be 'admin'
        $conn.MauticVersion | Should -Be '5.1.0'
        (Get-MauticConnection).BaseUrl | Should -Be $BaseUrl
    }

    It 'accepts the /api form of the URL' {
        Connect-Mautic "$BaseUrl/api/" -Credential $Cred
        (Get-MauticConnection).BaseUrl | Should -Be $BaseUrl
    }

    It 'fails with AuthenticationError on a wrong password, without echoing it' {
        $bad = [pscredential]::new('admin', (New-TestSecret 'Not-The-Password-1'))
        $err = { Connect-Mautic $BaseUrl -Credential $bad } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Not -Match 'Not-The-Password-1'
    }

    It 'tells a disabled API from disabled Basic auth from a wrong URL' {
        try {
            Set-FakeSetting @{ apiEnabled = $false }
            ({ Connect-Mautic $BaseUrl -Credential $Cred } | Should -Throw -PassThru).Exception.Message | Should -Match 'API of the Mautic .* is disabled'
            Set-FakeSetting @{ apiEnabled = $true; basicAuthEnabled = $false }
            $basic = { Connect-Mautic $BaseUrl -Credential $Cred } | Should -Throw -PassThru
            $basic.Exception.Message | Should -Match 'Basic authentication is disabled'
            $basic.CategoryInfo.Category | Should -Be 'PermissionDenied'
        }
        finally { Set-FakeSetting @{ apiEnabled = $true; basicAuthEnabled = $true } }
        $wrong = { Connect-Mautic "$BaseUrl/not-mautic" -Credential $Cred } | Should -Throw -PassThru
        $wrong.Exception.Message | Should -Match 'No Mautic API answered'
        $wrong.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses credentials over plain http to a remote host unless told otherwise' {
        $err = { Connect-Mautic 'http://mautic.invalid' -Credential $Cred } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'AllowUnencryptedAuthentication'
    }

    It 'connects with OAuth2 client credentials' {
        $conn = Connect-Mautic $BaseUrl -ClientCredential $ClientCred -PassThru
        $conn.AuthMethod | Should -Be 'OAuth2ClientCredentials'
        Get-MauticSegment -First 1 | Should -Not -BeNullOrEmpty
    }

    It 'connects with a refresh token and exposes the new one as a SecureString' {
        $token = (Invoke-RestMethod "$BaseUrl/__fake/refresh-token" -Method Post).refresh_token
        $conn = Connect-Mautic $BaseUrl -ClientCredential $ClientCred -RefreshToken (New-TestSecret $token) -PassThru
        $new = $conn.GetRefreshToken()
        $new | Should -BeOfType [securestring]
        [pscredential]::new('x', $new).GetNetworkCredential().Password | Should -Not -Be $token
        ($conn | Format-List * | Out-String) | Should -Not -Match 'rt_'
    }

    It 'keeps working with an explicit -Connection after Disconnect-Mautic' {
        $conn = Connect-Mautic $BaseUrl -Credential $Cred -PassThru
        Disconnect-Mautic
        (Get-MauticSegment -Id 1 -Connection $conn).name | Should -Be 'Newsletter'
    }
}

Describe 'Contacts' {
    BeforeAll {
        Connect-Mautic $BaseUrl -Credential $Cred
        $script:Csv = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-leads-$([guid]::NewGuid()).csv"
        1..450 | ForEach-Object {
            [pscustomobject]@{
                Email     = if ($_ -eq 317) { 'broken-address' } else { "lead$_@pester.example" }
                FirstName = "Lead$_"
                'Last Name' = 'Pester'
                city      = 'Paris'
            }
        } | Export-Csv -Path $Csv -NoTypeInformation
    }
    AfterAll { Remove-Item $Csv -ErrorAction SilentlyContinue }

    It 'imports a CSV 200 per request; the one bad row comes back as an error carrying it' {
        $before = @(Get-FakeRequest '/api/contacts/batch/new').Count
        $created = Import-Csv $Csv | New-MauticContact -Tag pester -ErrorVariable failed -ErrorAction SilentlyContinue
        $created.Count | Should -Be 449
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.Email | Should -Be 'broken-address'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'broken-address'
        @(Get-FakeRequest '/api/contacts/batch/new').Count - $before | Should -Be 3
    }

    It 'writes typed, flattened Mautic.Contact objects' {
        $c = Get-MauticContact -Email 'lead1@pester.example'
        $c.PSObject.TypeNames[0] | Should -Be 'Mautic.Contact'
        $c.id | Should -BeOfType [long]
        $c.firstname | Should -Be 'Lead1'
        $c.lastname | Should -Be 'Pester'
        $c.city | Should -Be 'Paris'
        $c.dateAdded | Should -BeOfType [datetime]
        $c.tags | Should -Contain 'pester'
    }

    It 'reports a row Mautic refuses as InvalidData with the row as target' {
        $row = [pscustomobject]@{ email = 'numbers@pester.example'; score = 'not-a-number' }
        $row, [pscustomobject]@{ email = 'fine@pester.example' } | New-MauticContact -ErrorVariable failed -ErrorAction SilentlyContinue | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failed[0].TargetObject | Should -Be $row
    }

    It 'finds an exact e-mail containing +' {
        New-MauticContact -Email 'jo+news@pester.example' -FirstName Jo | Out-Null
        (Get-MauticContact -Email 'jo+news@pester.example').firstname | Should -Be 'Jo'
    }

    It 'pages with -First, -Skip and -IncludeTotalCount' {
        $all = Get-MauticContact -Search 'tag:pester' -PageSize 50
        $all.Count | Should -Be 449
        $page = Get-MauticContact -Search 'tag:pester' -Skip 10 -First 5 -IncludeTotalCount
        [uint64]$page[0] | Should -Be 449
        $page[1..5].id | Should -Be $all[10..14].id
    }

    It 'filters with -Where and refuses a bad where clause' {
        @(Get-MauticContact -Where @{ col = 'email'; expr = 'like'; val = 'lead1%@pester.example' }).Count | Should -Be 111
        $err = { Get-MauticContact -Where @{ col = 'email'; expr = 'equals'; val = 'x' } } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'writes one ObjectNotFound error per missing id and still returns the others' {
        $one = Get-MauticContact -Email 'lead2@pester.example'
        $got = Get-MauticContact -Id $one.id, 987654 -ErrorVariable e -ErrorAction SilentlyContinue
        $got.id | Should -Be $one.id
        $e.Count | Should -Be 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e[0].TargetObject | Should -Be 987654
    }

    It 'changes tags of piped contacts in batches, and only with -PassThru writes them' {
        Get-MauticContact -Search 'tag:pester' -First 250 | Set-MauticContact -AddTag vip -RemoveTag pester | Should -BeNullOrEmpty
        @(Get-MauticContact -Search 'tag:vip').Count | Should -Be 250
        (Get-MauticContact -Search 'tag:vip' -First 1 | Set-MauticContact -Property @{ city = 'Lyon' } -PassThru).city | Should -Be 'Lyon'
    }

    It 'does not send contact objects back as field values' {
        Get-MauticContact -Email 'lead3@pester.example' | Set-MauticContact -FirstName Changed
        $patch = Get-FakeRequest '/api/contacts/' | Select-Object -Last 1
        $patch.body | Should -Be '{"firstname":"Changed"}'
    }

    It 'reports a missing contact on Set as ObjectNotFound and an empty change as InvalidArgument' {
        Set-MauticContact -Id 987654 -FirstName X -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Set-MauticContact -Id 1 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'sends nothing with -WhatIf' {
        $before = @(Get-FakeRequest '/api/contacts').Count
        New-MauticContact -Email 'whatif@pester.example' -WhatIf
        Get-MauticContact -Search 'tag:vip' -First 3 | Remove-MauticContact -WhatIf
        @(Get-FakeRequest '/api/contacts').Count | Should -Be ($before + 1)   # only the listing
    }

    It 'deletes with -Force and reports ids that were not deleted' {
        $victims = Get-MauticContact -Search 'tag:vip' -First 3
        $deleted = @($victims.id + 987654) | ForEach-Object { [pscustomobject]@{ ContactId = $_ } } |
            Remove-MauticContact -Force -PassThru -ErrorVariable e -ErrorAction SilentlyContinue
        $deleted.id | Should -Be $victims.id
        $e.Count | Should -Be 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e[0].TargetObject | Should -Be 987654
        Get-MauticContact -Id $victims[0].id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Segments and e-mail' {
    BeforeAll {
        Connect-Mautic $BaseUrl -Credential $Cred
        $script:Members = 1..5 | ForEach-Object { "seg$_@pester.example" } | New-MauticContact -Tag segtest
    }

    It 'lists segments as Mautic.Segment objects' {
        $segments = Get-MauticSegment
        $segments.name | Should -Contain 'Newsletter'
        $segments[0].PSObject.TypeNames[0] | Should -Be 'Mautic.Segment'
    }

    It 'adds piped contacts to a segment in one request and shows the membership' {
        $before = @(Get-FakeRequest '/api/segments/3/contacts/add').Count
        $result = Get-MauticContact -Search 'tag:segtest' | Add-MauticSegmentMember -SegmentId 3 -PassThru
        $result.Count | Should -Be 5
        $result[0].PSObject.TypeNames[0] | Should -Be 'Mautic.SegmentMembership'
        @(Get-FakeRequest '/api/segments/3/contacts/add').Count | Should -Be ($before + 1)
        (Get-MauticContactSegment -Id $Members[0].id).name | Should -Contain 'Webinar 2026'
    }

    It 'reports a contact that could not be added' {
        Add-MauticSegmentMember -SegmentId 3 -ContactId $Members[0].id, 987654 -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].TargetObject | Should -Be 987654
    }

    It 'removes a contact from a segment' {
        $Members[0] | Remove-MauticSegmentMember -SegmentId 3 -Confirm:$false
        (Get-MauticContactSegment -Id $Members[0].id).name | Should -Not -Contain 'Webinar 2026'
    }

    It 'sends a transactional e-mail with tokens' {
        $r = $Members[1] | Send-MauticEmail -EmailId 2 -Tokens @{ order_id = 1234 }
        $r.Success | Should -BeTrue
        $sent = Get-FakeSent | Select-Object -Last 1
        $sent.tokens | Should -Match '\{order_id\}'
    }

    It 'sends a segment e-mail and reports counts' {
        Add-MauticSegmentMember -SegmentId 1 -ContactId $Members[2].id
        $r = Send-MauticEmail -EmailId 1 -Segment
        $r.PSObject.TypeNames[0] | Should -Be 'Mautic.EmailSendResult'
        $r.SentCount | Should -BeGreaterOrEqual 1
        $r.FailedCount | Should -Be 0
    }

    It 'reports an unknown e-mail as ObjectNotFound' {
        Send-MauticEmail -EmailId 999 -ContactId $Members[1].id -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Membership sync' {
    BeforeAll {
        Connect-Mautic $BaseUrl -Credential $Cred
        $script:Staff = 1..4 | ForEach-Object { "staff$_@pester.example" } | New-MauticContact
        $script:StaffSegment = New-MauticSegment -Name 'Pester staff'
        $script:Csv = Join-Path $TestDrive 'staff.csv'
        # A child pwsh that signs in to the fake the same way (the password typed in char by char, as a test secret).
        function script:Invoke-ChildPwsh([string] $Script, [switch] $NonInteractive) {
            $pwsh = (Get-Process -Id $PID).Path
            $connect = "Import-Module '$(Join-Path $Root 'out/Mautic/Mautic.psd1')'; `$s = [securestring]::new(); foreach (`$ch in '$Password'.ToCharArray()) { `$s.AppendChar(`$ch) }; " +
                "Connect-Mautic '$BaseUrl' -Credential ([pscredential]::new('$($Cred.UserName)', `$s)); "
            $arguments = @('-NoProfile') + $(if ($NonInteractive) { @('-NonInteractive') } else { @() }) + @('-Command', $connect + $Script)
            & $pwsh @arguments 2>&1 | Out-String
        }
    }

    It 'keeps a segment equal to a CSV: one add request, and -Exact removes who left the file' {
        $Staff[0..2] | Select-Object @{ n = 'Mail'; e = { $_.email } } | Export-Csv $Csv -NoTypeInformation
        $before = @(Get-FakeRequest "/api/segments/$($StaffSegment.id)/contacts/add").Count
        $r = Import-Csv $Csv | ForEach-Object { [pscustomobject]@{ mail = $_.Mail } } | Sync-MauticSegmentMember -Segment 'Pester staff'
        @($r.Action) | Should -Be @('Added', 'Added', 'Added')
        @(Get-FakeRequest "/api/segments/$($StaffSegment.id)/contacts/add").Count | Should -Be ($before + 1)
        $Staff[1..3] | Select-Object @{ n = 'email'; e = { $_.email } } | Export-Csv $Csv -NoTypeInformation
        $r = Import-Csv $Csv | Sync-MauticSegmentMember -Segment $StaffSegment -Exact -Force
        @($r | ForEach-Object { "$($_.Action) $($_.Email)" }) | Should -Be @('Unchanged staff2@pester.example', 'Unchanged staff3@pester.example', 'Added staff4@pester.example', 'Removed staff1@pester.example')
        @(Get-MauticSegmentMember $StaffSegment).email | Sort-Object | Should -Be @('staff2@pester.example', 'staff3@pester.example', 'staff4@pester.example')
    }

    It 'shows each addition and removal under -WhatIf and changes nothing' {
        $out = Invoke-ChildPwsh "'staff1@pester.example', 'staff2@pester.example' | Sync-MauticSegmentMember $($StaffSegment.id) -Exact -WhatIf"
        $out | Should -Match "What if: Performing the operation `"Add to segment $($StaffSegment.id)`" on target `"contact $($Staff[0].id) \(staff1@pester.example\)`""
        $out | Should -Match "What if: Performing the operation `"Remove from segment $($StaffSegment.id)`" on target `"contact $($Staff[2].id) \(staff3@pester.example\)`""
        @(Get-MauticSegmentMember $StaffSegment).Count | Should -Be 3
    }

    It 'stops before anything in a non-interactive pwsh when -Exact would ask, and names -Force' {
        $out = Invoke-ChildPwsh "'staff1@pester.example' | Sync-MauticSegmentMember $($StaffSegment.id) -Exact" -NonInteractive
        $out | Should -Match 'asks for confirmation before it changes anything'
        $out | Should -Match '-Force'
        @(Get-MauticSegmentMember $StaffSegment).email | Sort-Object | Should -Be @('staff2@pester.example', 'staff3@pester.example', 'staff4@pester.example')
    }
}

Describe 'Invoke-MauticRequest, retries and secrets' {
    BeforeAll { Connect-Mautic $BaseUrl -Credential $Cred }

    It 'calls any route and parses the answer' {
        (Invoke-MauticRequest 'segments/2').list.name | Should -Be 'Customers'
        (Invoke-MauticRequest -Path '/api/contacts' -Query @{ limit = 1 }).total | Should -BeGreaterThan 0
    }

    It 'does not send a POST with -WhatIf' {
        $before = @(Get-FakeRequest '/api/segments/1/contact').Count
        Invoke-MauticRequest -Method POST -Path 'segments/1/contact/1/add' -WhatIf
        @(Get-FakeRequest '/api/segments/1/contact').Count | Should -Be $before
    }

    It 'waits out a 429 and says so with -Verbose' {
        Set-FakeFault @{ pathPrefix = '/api/segments'; status = 429; retryAfter = '1'; count = 1 }
        $out = Get-MauticSegment -Id 1 -Verbose 4>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'retry 1 of'
        ($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).name | Should -Be 'Newsletter'
    }

    It 'turns an HTML error page into a clear error' {
        Set-FakeFault @{ pathPrefix = '/api/segments'; kind = 'Html'; status = 500; count = 1 }
        Get-MauticSegment -Id 1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -Match 'HTML'
        $e[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'never shows a secret in -Verbose or -Debug output' {
        $token = (Invoke-RestMethod "$BaseUrl/__fake/refresh-token" -Method Post).refresh_token
        $everything = & {
            Connect-Mautic $BaseUrl -Credential $Cred -Verbose -Debug
            Get-MauticSegment -First 1 -Verbose -Debug
            Connect-Mautic $BaseUrl -ClientCredential $ClientCred -RefreshToken (New-TestSecret $token) -Verbose -Debug
            Get-MauticContact -First 1 -Verbose -Debug
        } *>&1 | Out-String
        $everything | Should -Match 'GET http://127.0.0.1'
        $everything | Should -Not -Match ([regex]::Escape($Password))
        $everything | Should -Not -Match ([regex]::Escape($ClientSecret))
        $everything | Should -Not -Match ([regex]::Escape($token))
        $everything | Should -Not -Match ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("admin:$Password")))
    }
}

Describe 'What needs a full PowerShell' {
    BeforeAll {
        Connect-Mautic $BaseUrl -Credential $Cred
        $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-pester-$([guid]::NewGuid())"
        New-Item -ItemType Directory -Path $Work | Out-Null
        'fmt1@pester.example', 'fmt2@pester.example' | New-MauticContact -Tag format -FirstName Fo | Out-Null
    }
    AfterAll { Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue }

    It 'round-trips contacts through Export-Csv and Import-Csv into an update' {
        $csv = Join-Path $Work 'contacts.csv'
        Get-MauticContact -Search 'tag:format' | Select-Object id, email, city | Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv | ForEach-Object { $_.city = 'Lille'; $_ }
        $rows | Set-MauticContact
        (Get-MauticContact -Search 'tag:format').city | Sort-Object -Unique | Should -Be 'Lille'
    }

    It 'exports exactly the refused rows, as README shows, and they import again' {
        $failedCsv = Join-Path $Work 'failed.csv'
        @([pscustomobject]@{ Email = 'ok-row@pester.example'; City = 'Metz' }, [pscustomobject]@{ Email = 'not an address'; City = 'Metz' }) |
            New-MauticContact -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed | ForEach-Object TargetObject | Export-Csv $failedCsv -NoTypeInformation
        $back = Import-Csv $failedCsv
        @($back).Count | Should -Be 1
        $back.Email | Should -Be 'not an address'
    }

    It 'shows the default table views' {
        $contacts = Get-MauticContact -Search 'tag:format' | Format-Table | Out-String -Width 200
        $contacts | Should -Match 'id\s+email\s+firstname\s+lastname\s+company\s+points\s+tags'
        $contacts | Should -Match 'fmt1@pester\.example'
        Get-MauticSegment | Format-Table | Out-String | Should -Match 'Newsletter'
        Get-MauticConnection | Out-String | Should -Match 'BaseUrl\s+AuthMethod'
    }

    It 'serializes the connection with ConvertTo-Json and Export-Clixml without any secret' {
        $token = (Invoke-RestMethod "$BaseUrl/__fake/refresh-token" -Method Post).refresh_token
        $connections = @(
            Connect-Mautic $BaseUrl -Credential $Cred -PassThru
            Connect-Mautic $BaseUrl -ClientCredential $ClientCred -RefreshToken (New-TestSecret $token) -PassThru
        )
        $xml = Join-Path $Work 'conn.xml'
        $connections | Export-Clixml -Path $xml -Depth 5
        $text = ($connections | ConvertTo-Json -Depth 5) + (Get-Content -Raw $xml)
        $text | Should -Match 'BaseUrl'
        $text | Should -Not -Match ([regex]::Escape($Password))
        $text | Should -Not -Match ([regex]::Escape($ClientSecret))
        $text | Should -Not -Match 'rt_[0-9a-f]{8}'
        $text | Should -Not -Match 'at_[0-9a-f]{8}'
        $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("admin:$Password"))))
        Connect-Mautic $BaseUrl -Credential $Cred
    }

    It 'works in a background job, whose serialized output holds no secret' {
        $manifest = Join-Path $Root 'out/Mautic/Mautic.psd1'
        $job = Start-Job -ScriptBlock {
            Import-Module $using:manifest
            Connect-Mautic $using:BaseUrl -Credential $using:Cred -PassThru
            New-MauticContact -Email 'job@pester.example'
        }
        $out = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        ($out | Where-Object { $_.PSObject.TypeNames -contains 'Deserialized.Mautic.Connection' }).BaseUrl | Should -Be $BaseUrl
        ($out | Where-Object email).email | Should -Be 'job@pester.example'
        ($out | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($Password))
    }

    It 'is clean under PSScriptAnalyzer, as the Gallery checks it' {
        if (-not (Get-Module -ListAvailable PSScriptAnalyzer)) { Set-ItResult -Skipped -Because 'PSScriptAnalyzer is not installed'; return }
        $findings = @(
            Invoke-ScriptAnalyzer -Path (Join-Path $Root 'out/Mautic') -Recurse
            Invoke-ScriptAnalyzer -Path (Join-Path $Root 'build.ps1')
            Invoke-ScriptAnalyzer -Path (Join-Path $Root 'tests') -Recurse
        )
        ($findings | ForEach-Object { "$($_.ScriptName):$($_.Line) $($_.RuleName)" }) -join "`n" | Should -BeNullOrEmpty
    }
}
