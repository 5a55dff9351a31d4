#requires -Version 7.0
<#
    Bad input (issue 19, item 6): ONE table of cases across the cmdlets, run against the four targets. Each row is an
    invocation and what must come of it: either an ErrorRecord (its ErrorCategory, its TargetObject - the offending
    input - and a message that names the offending value) or, where the input is legal but tricky, the right result.
    Every row also states the requests that may be sent, in order, as "METHOD route -> status" under /api (from the
    module's own -Verbose request lines, Get-HttpCall's source; on the fakes also counted in the server's own request
    log): most rows send none; where Mautic is asked, the row
    says how it must answer, which shows it read the request as meant. Each row's measured outcome is appended to
    out/badinput-<Target>.tsv (the "Bad input" table of docs/reliability.md is made from those). Everything is created under the run
    id's e-mail domain or name and removed in AfterAll.

    Rows whose error comes from PowerShell's parameter binding (an id of 0 or 'abc', $null piped) carry the category
    and message PowerShell gives; PowerShell sets no TargetObject for a parameter given by name (Target = $null), and
    the piped value for a piped one.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the bad-input table did not run against a real Mautic: $SkipReason." }

    # The table. Keys: Name; Run { param($C) ... } ($C: Dom, Run, Seed, Seed2, Plus, Segment, Work, Version);
    # Category (the ErrorCategory, or $null for a success); TargetIs { param($C) the TargetObject expected, as text;
    # $null for none }; TargetLike (a wildcard instead, for payloads); Message (a regex on the message, naming the
    # value); Sent (regexes, one per request, in order; '*' = not checked: a row that reads back what it wrote);
    # Output (how many objects); Check { param($R) more assertions on $R.C (the context), $R.Out, $R.Warnings, $R.Errors }.
    $script:Table = @(
        # --- ids: 0, negative, huge, wrong type, $null
        @{ Name = 'Get-MauticContact -Id 0'; Run = { Get-MauticContact -Id 0 }
            Category = 'InvalidData'; TargetIs = { $null }; Message = "parameter 'Id'\. The 0 argument is less than the minimum allowed range of 1"; Sent = @() }
        @{ Name = 'Get-MauticContact -Id -1'; Run = { Get-MauticContact -Id -1 }
            Category = 'InvalidData'; TargetIs = { $null }; Message = "parameter 'Id'\. The -1 argument is less than the minimum"; Sent = @() }
        @{ Name = "Get-MauticContact -Id 'abc' (wrong type)"; Run = { Get-MauticContact -Id 'abc' }
            Category = 'InvalidArgument'; TargetIs = { $null }; Message = 'Cannot convert value "abc" to type "System.Int64"'; Sent = @() }
        @{ Name = 'ids piped: a good one and 0'; Run = { param($C) $C.Seed.id, 0 | Get-MauticContact }
            Category = 'InvalidData'; TargetIs = { '0' }; Message = 'The 0 argument is less than the minimum'; Sent = @('^GET contacts/\d+ -> 200$'); Output = 1 }
        @{ Name = '$null piped to Get-MauticContact'; Run = { $null | Get-MauticContact }
            Category = 'InvalidData'; TargetIs = { $null }; Message = "parameter 'Id'\. The argument is null"; Sent = @() }
        @{ Name = 'Get-MauticContact -Id 9223372036854775807 (huge)'; Run = { Get-MauticContact -Id 9223372036854775807 }
            Category = 'ObjectNotFound'; TargetIs = { '9223372036854775807' }; Message = 'contacts/9223372036854775807'; Sent = @('^GET contacts/9223372036854775807 -> 404$') }
        @{ Name = 'Set-MauticContact -Id 0'; Run = { Set-MauticContact -Id 0 -FirstName x }
            Category = 'InvalidData'; TargetIs = { $null }; Message = "parameter 'Id'\. The 0 argument is less than the minimum"; Sent = @() }
        @{ Name = 'Set-MauticContact on an id that does not exist (PATCH, never a PUT that would create)'; Run = { Set-MauticContact -Id 99999999 -FirstName x }
            Category = 'ObjectNotFound'; TargetIs = { '99999999' }; Message = 'Contact 99999999 was not found'; Sent = @('^PATCH contacts/99999999/edit -> 404$') }
        @{ Name = 'Remove-MauticContact -Id -5'; Run = { Remove-MauticContact -Id -5 -Force }
            Category = 'InvalidData'; TargetIs = { $null }; Message = 'The -5 argument is less than the minimum'; Sent = @() }
        @{ Name = 'Remove-MauticContact on an id that does not exist'; Run = { Remove-MauticContact -Id 99999999 -Force }
            Category = 'ObjectNotFound'; TargetIs = { '99999999' }; Message = 'Contact 99999999 was not found'; Sent = @('^DELETE contacts/99999999/delete -> 404$') }

        # --- e-mails, nulls, huge and Unicode strings, wrong types, unknown fields
        @{ Name = 'New-MauticContact with an invalid e-mail'; Run = { New-MauticContact -Email 'not-an-address' }
            Category = 'InvalidArgument'; TargetLike = '*not-an-address*'; Message = "'not-an-address' is not a valid e-mail address"; Sent = @() }
        @{ Name = 'New-MauticContact -Email $null (nothing else)'; Run = { New-MauticContact -Email $null }
            Category = 'InvalidArgument'; TargetIs = { '{}' }; Message = 'There is nothing to send: no field values were given'; Sent = @() }
        @{ Name = 'New-MauticContact with spaces around the e-mail (legal: trimmed)'; Run = { param($C) New-MauticContact -Email " sp@$($C.Dom) " }
            Category = $null; Output = 1; Sent = @('^POST contacts/new -> 201$'); Check = { param($R) $R.Out[0].email | Should -Be "sp@$($R.C.Dom)" } }
        @{ Name = 'New-MauticContact with a 300-character e-mail'; Run = { param($C) New-MauticContact -Email (('a' * 300) + "@$($C.Dom)") }
            Category = 'InvalidData'; TargetLike = '*aaaaaaaaaa*'; Message = 'email: '; Sent = @('^POST contacts/new -> 400$') }
        @{ Name = 'New-MauticContact with non-ASCII in the e-mail (Mautic would drop those characters)'; Run = { param($C) New-MauticContact -Email "jörg.ñ@$($C.Dom)" }
            Category = 'InvalidArgument'; TargetLike = '*j*rg*'; Message = "'jörg\.ñ@\S+' has characters outside ASCII, which Mautic drops"; Sent = @() }
        @{ Name = 'New-MauticContact with a 100,000-character first name'; Run = { param($C) New-MauticContact -Email "long@$($C.Dom)" -FirstName ('x' * 100000) }
            Category = 'InvalidData'; TargetLike = '*xxxxxxxxxx*'; Message = 'firstname: This value is too long\. It should have 191 characters or less'; Sent = @('^POST contacts/new -> 400$') }
        @{ Name = 'New-MauticContact with emoji, CJK and RTL text (round trip)'
            Run = { param($C) $made = New-MauticContact -Email "uni@$($C.Dom)" -FirstName 'Zoë 😀 東京 שלום' -LastName 'مرحبا'; $made; Get-MauticContact -Id $made.id }
            Category = $null; Output = 2; Sent = '*'
            Check = { param($R) foreach ($o in $R.Out) { $o.firstname | Should -Be 'Zoë 😀 東京 שלום'; $o.lastname | Should -Be 'مرحبا' } } }
        @{ Name = "New-MauticContact -Property @{ points = 'abc' } (wrong type)"; Run = { param($C) New-MauticContact -Email "pts@$($C.Dom)" -Property @{ points = 'abc' } }
            Category = 'InvalidData'; TargetLike = '*"points":"abc"*'; Message = 'points: (This value is not valid|Please enter a number)'; Sent = @('^POST contacts/new -> 400$') }
        @{ Name = 'New-MauticContact -Property with an unknown field (saved without it, and said so)'
            Run = { param($C) New-MauticContact -Email "unk@$($C.Dom)" -Property @{ nosuchfield = 'x'; city = 'Leeds' } }
            Category = $null; Output = 1; Sent = @('^POST contacts/new -> 201$')
            Check = { param($R) $R.Out[0].city | Should -Be 'Leeds'; ($R.Warnings -match "ignored 'nosuchfield': it is no contact field") | Should -Not -BeNullOrEmpty } }
        @{ Name = 'Set-MauticContact -Property with an unknown field (saved without it, and said so)'
            Run = { param($C) Set-MauticContact -Id $C.Seed2.id -Property @{ nosuchfield = 'x'; city = 'York' } -PassThru }
            Category = $null; Output = 1; Sent = @('^PATCH contacts/\d+/edit -> 200$')
            Check = { param($R) $R.Out[0].city | Should -Be 'York'; ($R.Warnings -match "Mautic saved contact $($R.C.Seed2.id) but ignored 'nosuchfield'") | Should -Not -BeNullOrEmpty } }
        @{ Name = 'Get-MauticContact -Email of 9,000 characters (a URL no web server takes)'; Run = { Get-MauticContact -Email (('x' * 9000) + '@example.com') }
            Category = 'InvalidArgument'; TargetIs = { ('x' * 9000) + '@example.com' }; Message = 'The request would be [\d,]+ characters of URL .*nothing was sent'; Sent = @() }
        @{ Name = 'New-MauticContact, 3 piped rows, one with a bad e-mail'
            Run = { param($C) [pscustomobject]@{ email = "m1@$($C.Dom)" }, [pscustomobject]@{ email = 'bad' }, [pscustomobject]@{ email = "m3@$($C.Dom)" } | New-MauticContact }
            Category = 'InvalidArgument'; TargetIs = { '@{email=bad}' }; Message = "'bad' is not a valid e-mail address"; Output = 2; Sent = @('^POST contacts/batch/new -> 201$') }

        # --- searches: %, *, :, quotes, +, Mautic's operators, a 100,000-character search
        @{ Name = 'Get-MauticContact -Email with % (exact, not a wildcard)'; Run = { param($C) Get-MauticContact -Email "seed%@$($C.Dom)" }
            Category = 'ObjectNotFound'; TargetIs = { param($C) "seed%@$($C.Dom)" }; Message = "No contact has the e-mail address 'seed%@"
            Sent = @('^GET contacts\?\S*where%5B0%5D%5Bexpr%5D=eq&where%5B0%5D%5Bval%5D=seed%25%40\S+ -> 200$') }
        @{ Name = 'Get-MauticContact -Email with _ (exact, not a wildcard)'; Run = { param($C) Get-MauticContact -Email "s_ed@$($C.Dom)" }
            Category = 'ObjectNotFound'; TargetIs = { param($C) "s_ed@$($C.Dom)" }; Message = "No contact has the e-mail address 's_ed@"; Sent = @('^GET contacts\?\S*expr%5D=eq\S* -> 200$') }
        @{ Name = "-Search 'email:%@domain' (% sent encoded as %25)"; Run = { param($C) Get-MauticContact -Search "email:%@$($C.Dom)" }
            Category = $null; Sent = @('^GET contacts\?\S*search=email%3A%25%40\S+ -> 200$')
            Check = { param($R) @($R.Out | ForEach-Object email | Sort-Object) | Should -Contain "seed@$($R.C.Dom)"; @($R.Out | ForEach-Object email) | Should -Contain "p+q@$($R.C.Dom)" } }
        @{ Name = "-Search 'email:*@domain' (* sent as %)"; Run = { param($C) Get-MauticContact -Search "email:*@$($C.Dom)" -Select email }
            Category = $null; Sent = @('^GET contacts\?\S*search=email%3A%25%40\S+ -> 200$')
            Check = { param($R) @($R.Out | ForEach-Object email) | Should -Contain "seed2@$($R.C.Dom)" } }
        @{ Name = "-Search with a quoted phrase: firstname:`"Zoë Ann`""; Run = { Get-MauticContact -Search 'firstname:"Zoë Ann"' }
            Category = $null; Sent = @('^GET contacts\?\S*search=firstname%3A%22Zo%C3%AB%20Ann%22\S* -> 200$')
            Check = { param($R) @($R.Out | Where-Object email -like "*@$($R.C.Dom)" | ForEach-Object email) | Should -Be @("seed@$($R.C.Dom)") } }
        @{ Name = "-Search with an apostrophe: lastname:O'Hara"; Run = { Get-MauticContact -Search "lastname:O'Hara" }
            Category = $null; Sent = @('^GET contacts\?\S*search=lastname%3AO%27Hara\S* -> 200$')
            Check = { param($R) @($R.Out | Where-Object email -like "*@$($R.C.Dom)" | ForEach-Object email) | Should -Be @("seed@$($R.C.Dom)") } }
        @{ Name = "-Search with + in an address (sent as %2B, not read as a space)"; Run = { param($C) Get-MauticContact -Search "email:p+q@$($C.Dom)" }
            Category = $null; Sent = @('^GET contacts\?\S*search=email%3Ap%2Bq%40\S+ -> 200$')
            Check = { param($R) @($R.Out | ForEach-Object email) | Should -Be @("p+q@$($R.C.Dom)") } }
        @{ Name = "-Search with Mautic's OR operator"; Run = { param($C) Get-MauticContact -Search "email:seed@$($C.Dom) OR email:seed2@$($C.Dom)" }
            Category = $null; Sent = @('^GET contacts\?\S*search=email%3Aseed%40\S+%20OR%20email%3Aseed2%40\S+ -> 200$')
            Check = { param($R) @($R.Out | ForEach-Object email | Sort-Object) | Should -Be @("seed@$($R.C.Dom)", "seed2@$($R.C.Dom)") } }
        @{ Name = "-Search with a lower-case or (5.1: the operator; 7.0: a search word, so nothing matches)"; Run = { param($C) Get-MauticContact -Search "email:seed@$($C.Dom) or email:seed2@$($C.Dom)" }
            Category = $null; Sent = @('^GET contacts\?\S*search=email%3Aseed%40\S+%20or%20email%3Aseed2%40\S+ -> 200$')
            Check = { param($R) @($R.Out | ForEach-Object email | Sort-Object) | Should -Be $(if ($R.C.Version -ge [version]'7.0') { @() } else { @("seed@$($R.C.Dom)", "seed2@$($R.C.Dom)") }) } }
        @{ Name = "-Search with Mautic's ! (not) operator"; Run = { param($C) Get-MauticContact -Search "!email:seed@$($C.Dom) email:%@$($C.Dom)" }
            Category = $null; Sent = @('^GET contacts\?\S*search=%21email%3Aseed%40\S+ -> 200$')
            Check = { param($R) $emails = @($R.Out | ForEach-Object email); $emails | Should -Not -Contain "seed@$($R.C.Dom)"; $emails | Should -Contain "seed2@$($R.C.Dom)" } }
        @{ Name = 'A 100,000-character -Search'; Run = { Get-MauticContact -Search ('x' * 100000) }
            Category = 'InvalidArgument'; TargetIs = { 'x' * 100000 }; Message = 'The search is 100,000 characters'; Sent = @() }
        @{ Name = 'Invoke-MauticRequest -Query with % and : (encoded, answered right)'; Run = { param($C) Invoke-MauticRequest contacts -Query @{ search = "email:%@$($C.Dom)"; limit = 50 } }
            Category = $null; Output = 1; Sent = @('^GET contacts\?\S*search=email%3A%25%40\S+ -> 200$')
            Check = { param($R) [int]$R.Out[0].total | Should -BeGreaterOrEqual 3 } }

        # --- Sync, Import (encodings, delimiter), Export
        @{ Name = 'Sync-MauticContact with a column that is no field'; Run = { param($C) [pscustomobject]@{ email = "s1@$($C.Dom)"; nosuchfield = 'x' } | Sync-MauticContact }
            Category = $null; Output = 1; Sent = @('^GET fields/contact\S* -> 200$', '^GET contacts\?\S* -> 200$', '^POST contacts/new -> 201$')
            Check = { param($R) $R.Out[0].Action | Should -Be 'Created'; ($R.Warnings -match "'nosuchfield' are no contact field") | Should -Not -BeNullOrEmpty } }
        @{ Name = 'Sync-MauticContact, a row without e-mail'; Run = { [pscustomobject]@{ firstname = 'x' } | Sync-MauticContact }
            Category = 'InvalidArgument'; TargetIs = { '@{firstname=x}' }; Message = 'Row 1 has no value for email'; Sent = @('^GET fields/contact\S* -> 200$') }
        @{ Name = 'Sync-MauticContact -MatchOn a field that does not exist'; Run = { param($C) [pscustomobject]@{ email = "s2@$($C.Dom)" } | Sync-MauticContact -MatchOn nosuchfield }
            Category = 'InvalidArgument'; TargetIs = { 'nosuchfield' }; Message = "-MatchOn 'nosuchfield' is not a contact field"; Sent = @('^GET fields/contact\S* -> 200$') }
        @{ Name = 'Sync-MauticContact, a row whose e-mail has non-ASCII (Mautic would save another address)'; Run = { param($C) [pscustomobject]@{ email = "zoë@$($C.Dom)" } | Sync-MauticContact }
            Category = 'InvalidArgument'; TargetLike = '@{email=zo*'; Message = "Row 1: email 'zoë@\S+' has characters outside ASCII"; Sent = @('^GET fields/contact\S* -> 200$', '^GET contacts\?\S* -> 200$') }
        @{ Name = 'Import-MauticContact, UTF-8 with BOM'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'bom.csv'); (Get-MauticContact -Email "b1@$($C.Dom)").firstname }
            Category = $null; Sent = '*'; Check = { param($R) $R.Out[-1] | Should -BeExactly 'Zoë Ægir' } }
        @{ Name = 'Import-MauticContact, UTF-16 LE with BOM'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'u16.csv'); (Get-MauticContact -Email "b2@$($C.Dom)").firstname }
            Category = $null; Sent = '*'; Check = { param($R) $R.Out[-1] | Should -BeExactly 'Łukasz 東京' } }
        @{ Name = 'Import-MauticContact -Encoding latin1 -Delimiter ;'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'lat1.csv') -Encoding latin1 -Delimiter ';'; (Get-MauticContact -Email "b3@$($C.Dom)").firstname }
            Category = $null; Sent = '*'; Check = { param($R) $R.Out[-1] | Should -BeExactly 'Zoë' } }
        @{ Name = 'Import-MauticContact, a Latin-1 file read as UTF-8 (no -Encoding)'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'lat1b.csv') }
            Category = 'InvalidData'; TargetIs = { param($C) Join-Path $C.Work 'lat1b.csv' }; Message = 'is not UTF-8: .*0xEB.*-Encoding'; Sent = @() }
        @{ Name = 'Import-MauticContact, a ; file read with the default delimiter'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'semi.csv') }
            Category = 'InvalidArgument'; TargetLike = '@{email;firstname=b5@*'; Message = 'Row 1 has no value for email'; Sent = @('^GET fields/contact\S* -> 200$')
            Check = { param($R) ($R.Warnings -match "'email;firstname' are no contact field") | Should -Not -BeNullOrEmpty } }
        @{ Name = 'Import-MauticContact, a file that does not exist'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'nothere.csv') }
            Category = 'ObjectNotFound'; TargetIs = { param($C) Join-Path $C.Work 'nothere.csv' }; Message = 'nothere\.csv'; Sent = @() }
        @{ Name = 'Import-MauticContact -Encoding nosuchenc'; Run = { param($C) Import-MauticContact (Join-Path $C.Work 'bom.csv') -Encoding nosuchenc }
            Category = 'InvalidArgument'; TargetIs = { 'nosuchenc' }; Message = "'nosuchenc' is not an encoding"; Sent = @() }
        @{ Name = 'Export-MauticContact into a folder that does not exist'; Run = { param($C) Export-MauticContact (Join-Path $C.Work 'no/such/x.csv') -Search "email:%@$($C.Dom)" }
            Category = 'ObjectNotFound'; TargetIs = { param($C) Join-Path $C.Work 'no/such/x.csv' }; Message = 'no/such'; Sent = @() }
        @{ Name = 'Export-MauticContact -Property nosuchfield'; Run = { param($C) Export-MauticContact (Join-Path $C.Work 'x.csv') -Search "email:seed@$($C.Dom)" -Property email, nosuchfield }
            Category = 'InvalidArgument'; TargetIs = { 'nosuchfield' }; Message = "-Property 'nosuchfield' is no contact field"; Sent = @('^GET fields/contact\S* -> 200$')
            Check = { param($R) Join-Path $R.C.Work 'x.csv' | Should -Not -Exist } }

        # --- segments and companies
        @{ Name = 'Add-MauticSegmentMember to a segment name that does not exist'; Run = { param($C) Add-MauticSegmentMember -Segment "no such segment $($C.Run)" -ContactId $C.Seed.id }
            Category = 'ObjectNotFound'; TargetIs = { param($C) "no such segment $($C.Run)" }; Message = "no segment named 'no such segment"; Sent = @('^GET segments\?\S* -> 200$', '^GET segments\?\S* -> 200$') }
        @{ Name = 'Add-MauticSegmentMember -ContactId 0'; Run = { param($C) Add-MauticSegmentMember -Segment $C.Segment -ContactId 0 }
            Category = 'InvalidData'; TargetIs = { $null }; Message = "parameter 'ContactId'\. The 0 argument is less than the minimum"; Sent = @() }
        @{ Name = 'Add-MauticSegmentMember, a contact id that does not exist'; Run = { param($C) Add-MauticSegmentMember -Segment $C.Segment -ContactId 99999999 }
            Category = 'ObjectNotFound'; TargetIs = { '99999999' }; Message = 'Contact 99999999 was not found'; Sent = @('^POST segments/\d+/contact/99999999/add -> 404$', '^GET segments/\d+ -> 200$') }
        @{ Name = "New-MauticCompany -Name ''"; Run = { New-MauticCompany -Name '' }
            Category = 'InvalidArgument'; TargetLike = '*companyname*'; Message = "A new company needs a value for 'companyname'"; Sent = @() }
        @{ Name = 'New-MauticCompany with a Unicode name (round trip)'; Run = { param($C) New-MauticCompany -Name "Société 株式会社 $($C.Run)" }
            Category = $null; Output = 1; Sent = @('^POST companies/new -> 201$'); Check = { param($R) $R.Out[0].companyname | Should -BeExactly "Société 株式会社 $($R.C.Run)" } }

        # --- files, themes, assets: '..', absolute paths, oversize
        @{ Name = "Add-MauticFile -Directory 'images/../../config'"; Run = { param($C) Add-MauticFile -Directory 'images/../../config' -Path (Join-Path $C.Work 't.txt') }
            Category = 'InvalidArgument'; TargetIs = { 'images/../../config' }; Message = "'images/\.\./\.\./config' is not a Mautic file folder"; Sent = @() }
        @{ Name = "Add-MauticFile -Directory '/etc' (absolute)"; Run = { param($C) Add-MauticFile -Directory '/etc' -Path (Join-Path $C.Work 't.txt') }
            Category = 'InvalidArgument'; TargetIs = { '/etc' }; Message = "'/etc' is not a Mautic file folder"; Sent = @() }
        @{ Name = 'Add-MauticFile, a local file that does not exist'; Run = { param($C) Add-MauticFile -Directory images -Path (Join-Path $C.Work 'nothere.png') }
            Category = 'ObjectNotFound'; TargetIs = { param($C) Join-Path $C.Work 'nothere.png' }; Message = 'nothere\.png'; Sent = @() }
        @{ Name = 'Add-MauticFile, 70 MB (over the server''s 64 MB post_max_size; 5.1 answers 200 with no file, 7.0 406)'; Run = { param($C) Add-MauticFile -Directory images -Path (Join-Path $C.Work 'big.png') }
            Category = 'LimitsExceeded'; TargetIs = { param($C) Join-Path $C.Work 'big.png' }; Message = 'big\.png \(70\.0 MB\).*larger than the server takes'; Sent = @('^POST files/images/new -> (200|406)$') }
        @{ Name = "Remove-MauticFile -Name '../../index.php'"; Run = { Remove-MauticFile -Directory images -Name '../../index.php' -Force }
            Category = 'InvalidArgument'; TargetIs = { '../../index.php' }; Message = "'\.\./\.\./index\.php' is not a file name"; Sent = @() }
        @{ Name = "Remove-MauticFile -Name '/etc/passwd' (absolute)"; Run = { Remove-MauticFile -Directory images -Name '/etc/passwd' -Force }
            Category = 'InvalidArgument'; TargetIs = { '/etc/passwd' }; Message = "'/etc/passwd' is not a file name"; Sent = @() }
        @{ Name = "Remove-MauticFile -Directory '../x'"; Run = { Remove-MauticFile -Directory '../x' -Name a.png -Force }
            Category = 'InvalidArgument'; TargetIs = { '../x' }; Message = "'\.\./x' is not a Mautic file folder"; Sent = @() }
        @{ Name = "Add-MauticTheme -Name '../evil'"; Run = { param($C) Add-MauticTheme -Path (Join-Path $C.Work 't.txt') -Name '../evil' }
            Category = 'InvalidArgument'; TargetIs = { '../evil' }; Message = "'\.\./evil' is not a theme name"; Sent = @() }
        @{ Name = 'Add-MauticTheme, a file that is not a zip'; Run = { param($C) Add-MauticTheme -Path (Join-Path $C.Work 't.txt') }
            Category = 'InvalidArgument'; TargetIs = { param($C) Join-Path $C.Work 't.txt' }; Message = 't\.txt is not one'; Sent = @() }
        @{ Name = "Save-MauticTheme -Name '../../tmp/evil'"; Run = { param($C) Save-MauticTheme -Name '../../tmp/evil' -Path $C.Work }
            Category = 'InvalidArgument'; TargetIs = { '../../tmp/evil' }; Message = "'\.\./\.\./tmp/evil' is not a theme name"; Sent = @()
            Check = { param($R) Join-Path $R.C.Work '../../tmp/evil.zip' | Should -Not -Exist } }
        @{ Name = 'Save-MauticTheme into a folder that does not exist'; Run = { param($C) Save-MauticTheme -Name blank -Path (Join-Path $C.Work 'no/such/t.zip') }
            Category = 'ObjectNotFound'; TargetIs = { param($C) Join-Path $C.Work 'no/such/t.zip' }; Message = 'no/such'; Sent = @() }
        @{ Name = "New-MauticAsset -File '../../config/local.php' -StorageLocation Local"; Run = { param($C) New-MauticAsset -Title "a $($C.Run)" -File '../../config/local.php' -StorageLocation Local }
            Category = 'InvalidArgument'; TargetLike = '*../../config/local.php*'; Message = "'\.\./\.\./config/local\.php' is not a file name in Mautic's assets folder"; Sent = @() }
        @{ Name = "New-MauticAsset -File '/etc/passwd' (local, absolute)"; Run = { param($C) New-MauticAsset -Title "a $($C.Run)" -File '/etc/passwd' }
            Category = 'InvalidArgument'; TargetLike = '*/etc/passwd*'; Message = "'/etc/passwd' is not a file name in Mautic's assets folder"; Sent = @() }

        # --- Invoke-MauticRequest and Connect-Mautic
        @{ Name = "Invoke-MauticRequest '../../etc/passwd'"; Run = { Invoke-MauticRequest '../../etc/passwd' }
            Category = 'InvalidArgument'; TargetIs = { '../../etc/passwd' }; Message = "'\.\./\.\./etc/passwd' is not a Mautic API route"; Sent = @() }
        @{ Name = 'Invoke-MauticRequest with a percent-encoded ..'; Run = { Invoke-MauticRequest 'contacts/%2e%2e/%2e%2e/x' }
            Category = 'InvalidArgument'; TargetIs = { 'contacts/%2e%2e/%2e%2e/x' }; Message = "the segment '%2e%2e'"; Sent = @() }
        @{ Name = 'Invoke-MauticRequest with a whole URL'; Run = { Invoke-MauticRequest 'http://elsewhere.example/api/contacts' }
            Category = 'InvalidArgument'; TargetIs = { 'http://elsewhere.example/api/contacts' }; Message = 'is not a Mautic API route: it is a whole URL'; Sent = @() }
        @{ Name = 'Invoke-MauticRequest -Body that is not JSON'; Run = { Invoke-MauticRequest contacts/new -Method POST -Body 'not json' }
            Category = 'InvalidArgument'; TargetIs = { 'not json' }; Message = '-Body is a string but not JSON'; Sent = @() }
        @{ Name = 'Invoke-MauticRequest -Method FOO'; Run = { Invoke-MauticRequest contacts -Method FOO }
            Category = 'InvalidData'; TargetIs = { $null }; Message = 'The argument "FOO" does not belong to the set'; Sent = @() }
        @{ Name = "Connect-Mautic 'not a url'"; Run = { param($C) Connect-Mautic 'not a url' -ClientCredential $C.ClientCredential }
            Category = 'InvalidArgument'; TargetIs = { 'not a url' }; Message = "'not a url' is not an http or https URL"; Sent = @() }
        @{ Name = "Connect-Mautic 'ftp://127.0.0.1/'"; Run = { param($C) Connect-Mautic 'ftp://127.0.0.1/' -ClientCredential $C.ClientCredential }
            Category = 'InvalidArgument'; TargetIs = { 'ftp://127.0.0.1/' }; Message = "'ftp://127\.0\.0\.1/' is not an http or https URL"; Sent = @() }
        @{ Name = 'Connect-Mautic with a password in the URL (kept out of the error)'; Run = { param($C) Connect-Mautic 'http://admin:Pw-in-url-7@127.0.0.1:9/' -ClientCredential $C.ClientCredential }
            Category = 'InvalidArgument'; TargetIs = { 'http://***@127.0.0.1:9/' }; Message = 'Put credentials in -Credential'; Sent = @()
            Check = { param($R) "$($R.Errors[0].TargetObject) $($R.Errors[0].Exception.Message)" | Should -Not -Match 'Pw-in-url-7' } }
    )
}

Describe 'Bad input on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'i'
        $dom = "$($T.Run).example"
        $work = Join-Path ([IO.Path]::GetTempPath()) "mautic-badinput-$($T.Run)"
        $null = New-Item -ItemType Directory -Path $work
        [IO.File]::WriteAllText((Join-Path $work 'bom.csv'), "email,firstname`nb1@$dom,Zoë Ægir`n", [Text.UTF8Encoding]::new($true))
        [IO.File]::WriteAllText((Join-Path $work 'u16.csv'), "email,firstname`nb2@$dom,Łukasz 東京`n", [Text.UnicodeEncoding]::new($false, $true))
        [IO.File]::WriteAllText((Join-Path $work 'lat1.csv'), "email;firstname`nb3@$dom;Zoë`n", [Text.Encoding]::Latin1)
        [IO.File]::WriteAllText((Join-Path $work 'lat1b.csv'), "email,firstname`nb4@$dom,Zoë`n", [Text.Encoding]::Latin1)
        [IO.File]::WriteAllText((Join-Path $work 'semi.csv'), "email;firstname`nb5@$dom;Ann`n")
        Set-Content (Join-Path $work 't.txt') 'not a zip'
        # 70 MB of zeros (sparse where the file system allows): over the test servers' post_max_size of 64M.
        $big = [IO.File]::Create((Join-Path $work 'big.png')); $big.SetLength(70MB); $big.Close()
        $seed = New-MauticContact -Email "seed@$dom" -FirstName 'Zoë Ann' -LastName "O'Hara" -ErrorAction Stop
        $seed2 = New-MauticContact -Email "seed2@$dom" -FirstName 'Ann' -ErrorAction Stop
        $plus = New-MauticContact -Email "p+q@$dom" -FirstName 'Plus' -ErrorAction Stop
        $segment = New-MauticSegment -Name "Bad input $($T.Run)" -ErrorAction Stop
        $script:Ctx = @{ Dom = $dom; Run = $T.Run; Seed = $seed; Seed2 = $seed2; Plus = $plus; Segment = $segment; Work = $work
            Version = $T.Version; ClientCredential = $T.ClientCredential }
        # On the fakes, the server's own request log counts the API requests that arrived, independently of -Verbose.
        $script:FakeLog = if ($T.Server) { "$($T.BaseUrl)/__fake/requests" }
        function script:Get-FakeApiRequestCount {
            $all = Invoke-RestMethod $FakeLog -TimeoutSec 10   # one array object: from a variable, the pipeline enumerates it
            @($all | Where-Object { $_.path -like '/api/*' }).Count
        }
        $script:Log = Join-Path $T.Root "out/badinput-$Target.tsv"
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $Log)
        Set-Content -Path $Log -Value "Row`tOutcome`tTarget`tMessage`tRequests" -Encoding utf8
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$($Ctx.Dom)" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            Get-MauticCompany -Search $T.Run -ErrorAction Stop | Where-Object companyname -like "*$($T.Run)*" | Remove-MauticCompany -Force -ErrorAction Stop
            Get-MauticAsset -Search $T.Run -ErrorAction Stop | Remove-MauticAsset -Force -ErrorAction Stop
            if ($Ctx.Segment) { Remove-MauticSegment -Id $Ctx.Segment.id -Force -ErrorAction Stop }
        }
        if ($Ctx.Work) { Remove-Item -Recurse -Force $Ctx.Work -ErrorAction SilentlyContinue }
    }

    It '<Name>' -ForEach $Table {
        $arrivedBefore = if ($FakeLog) { Get-FakeApiRequestCount }
        # As a script runs by default (the suite runs under -ErrorAction Stop): a non-terminating error leaves the rest going.
        $records = @(try { & { $ErrorActionPreference = 'Continue'; $VerbosePreference = 'Continue'; $WarningPreference = 'Continue'; & $Run $Ctx } *>&1 } catch { $_ })
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
        $out = @($records | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.VerboseRecord] -and
                $_ -isnot [System.Management.Automation.WarningRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] })
        # The requests sent, as "METHOD route -> status" under /api (a token request is no API request).
        $calls = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(GET|POST|PUT|PATCH|DELETE) \S+/api/\S+ -> \d+ ' } |
                ForEach-Object { $_.Message -replace '^(\w+) \S+?/api/(\S+) -> (\d+) .*$', '$1 $2 -> $3' })
        $arrived = if ($FakeLog) { (Get-FakeApiRequestCount) - $arrivedBefore }
        $first = $errors | Select-Object -First 1
        $shown = { param($s) $s = "$s" -replace '\s+', ' '; if ($s.Length -gt 160) { $s.Substring(0, 157) + '...' } else { $s } }
        $outcome = if ($first) { "$($first.CategoryInfo.Category)" } else { "success ($($out.Count) out$(if ($warnings) { ', warning' }))" }
        $line = ($Name, $outcome, (& $shown $(if ($first -and $null -eq $first.TargetObject) { '$null' } elseif ($first) { $first.TargetObject })),
            (& $shown $first.Exception.Message), ($calls -join '; ')) -join "`t"
        Add-Content -Path $Log -Value $line -Encoding utf8

        if ($Category) {
            $first | Should -Not -BeNullOrEmpty -Because 'this input must be refused'
            "$($first.CategoryInfo.Category)" | Should -Be $Category
            if ($TargetLike) { "$($first.TargetObject)" | Should -BeLike $TargetLike }
            else {
                $want = & $TargetIs $Ctx
                if ($null -eq $want) { $first.TargetObject | Should -BeNullOrEmpty }
                else { "$($first.TargetObject)" | Should -BeExactly $want }
            }
            $first.Exception.Message | Should -Match $Message
        }
        else {
            $errors | Should -BeNullOrEmpty -Because 'this input is legal'
        }
        if ($null -ne $Output) { $out.Count | Should -Be $Output }
        if (-not ($Sent -is [string] -and $Sent -eq '*')) {
            $calls.Count | Should -Be @($Sent).Count -Because "the requests sent were: $($calls -join ' | ')"
            for ($i = 0; $i -lt $calls.Count; $i++) { $calls[$i] | Should -Match @($Sent)[$i] }
        }
        if ($FakeLog) { $arrived | Should -Be $calls.Count -Because 'the fake''s own request log must count the requests the -Verbose lines show' }
        if ($Check) { & $Check @{ C = $Ctx; Out = $out; Warnings = $warnings; Errors = $errors } }
    }
}
