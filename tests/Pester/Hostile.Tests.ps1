#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 21, in a real engine: every cmdlet that calls a service meets every hostile reply (HostileCases.ps1: the named
# cases and seeded mutations), and gives either objects PowerShell can show, select and convert, or error records with a
# ChatPS. id and a category, never a raw .NET exception, a stack trace, a hang or the session's memory.
# CHATPS_FUZZ_SEED / CHATPS_FUZZ_CASES / CHATPS_FUZZ_LONG=1 widen the run; CHATPS_FUZZ_REPORT=<file> writes every outcome
# as CSV.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'HostileCases.ps1')
    $script:Cases = Get-HostileCase | ForEach-Object { @{ Case = $_; Name = $_.Name } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    . (Join-Path $PSScriptRoot 'HostileCases.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Commands = Get-HostileCommand
    $script:Values = Get-HostileValue
    $script:Runspace = New-HostileRunspace
    $script:Outcomes = [Collections.Generic.List[object]]::new()

    function Connect-Case {
        param([int] $TimeoutSec)
        Clear-EmulatorFault $script:Emulator
        $common = @{ BaseUri = $null; PassThru = $true; TimeoutSec = $TimeoutSec; MaximumRetryCount = 1; RetryIntervalSec = 0 }
        $common.BaseUri = $script:Emulator.Kook
        $kook = Connect-Kook -Token (ConvertTo-TestSecret $script:KookTokenText) @common
        $common.BaseUri = $script:Emulator.Tomon
        $tomon = Connect-Tomon -Token (ConvertTo-TestSecret $script:TomonSessionText) @common
        $kook, $tomon
    }
}

AfterAll {
    if ($env:CHATPS_FUZZ_REPORT) { $script:Outcomes | Export-Csv -LiteralPath $env:CHATPS_FUZZ_REPORT -NoTypeInformation }
    $summary = $script:Outcomes | Group-Object Outcome | ForEach-Object { "$($_.Count) $($_.Name)" }
    Write-Host "Hostile fuzz (seed $script:FuzzSeed, $($script:Outcomes.Count) calls): $($summary -join ', ')"
    Clear-EmulatorFault $script:Emulator
    Stop-TestEmulator $script:Emulator
    $script:Runspace.Dispose()
    Remove-Item -LiteralPath $script:Values.Evidence -ErrorAction SilentlyContinue
}

Describe 'Every cmdlet against hostile replies' {
    It '<Name>: an object or a ChatPS error from every cmdlet' -ForEach $Cases {
        # A trickle is about the timeout: a short one, and two cmdlets (one per platform) rather than every one.
        $kook, $tomon = Connect-Case -TimeoutSec $(if ($Case.Slow) { 3 } else { 60 })
        # A heavy case meets one cmdlet per reader kind, unless CHATPS_FUZZ_LONG=1.
        $commands = if ($Case.Slow) { $script:Commands | Where-Object Name -in 'Get-KookUser', 'Get-TomonUser' }
        elseif ($Case.Heavy -and $env:CHATPS_FUZZ_LONG -ne '1') { $script:Commands | Where-Object Name -in $script:HeavySample }
        else { $script:Commands }
        $problems = foreach ($command in $commands) {
            Clear-EmulatorFault $script:Emulator
            Add-HostileFault -Case $Case -Kook $command.Kook
            $result = Invoke-HostileCall -Command $command -Kook $kook -Tomon $tomon -Values $script:Values -Runspace $script:Runspace
            $script:Outcomes.Add([pscustomobject]@{ Case = $Name; Command = $command.Name; Outcome = $result.Outcome; Detail = $result.Detail })
            if ($result.Outcome -eq 'Problem') { "$($command.Name): $($result.Detail)" }
        }
        Clear-EmulatorFault $script:Emulator
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'The findings of issue 21, one by one' {
    BeforeAll {
        $script:Kook, $script:Tomon = Connect-Case -TimeoutSec 60
    }

    It 'a field with an empty name leaves the object whole, its value under (empty)' {
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/get-online-status' -Kind Reply -Body '{"code":0,"message":"","data":{"online":true,"online_os":[],"":1}}'
        $status = Get-KookBotOnlineStatus -Connection $script:Kook

        $status.'(empty)' | Should -Be 1
        { $status | Out-String } | Should -Not -Throw
        ($status | Select-Object *).'(empty)' | Should -Be 1
        ($status | ConvertTo-Json -Compress) | Should -Match '"\(empty\)":1'
        @($status.psobject.Properties.Name) | Should -Contain 'Online'
    }

    It 'Invoke-KookApi and Invoke-TomonApi give objects for replies with empty and clashing names' {
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/me' -Kind Reply -Body '{"code":0,"message":"","data":{"":1,"a":2,"A":3}}'
        $data = Invoke-KookApi user/me -Connection $script:Kook
        $data.'(empty)' | Should -Be 1
        $data.a | Should -Be 2
        $data.'A (2)' | Should -Be 3

        Add-EmulatorFault $script:Emulator -Path '/api/v1/users/@me' -Kind Reply -Body '{"":{"":[1]}}'
        (Invoke-TomonApi users/@me -Connection $script:Tomon).'(empty)'.'(empty)' | Should -Be 1
    }

    It 'a connection whose user has a date out of range still binds to -Connection and works' {
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/me' -Kind Reply -Body '{"code":0,"message":"","data":{"id":"1","username":"u","joined_at":1588430520000000}}'
        $connection = Connect-Kook -Token (ConvertTo-TestSecret $script:KookTokenText) -BaseUri $script:Emulator.Kook -PassThru

        "$connection" | Should -Match 'user unreadable'
        (Get-KookBotOnlineStatus -Connection $connection -ErrorAction Stop).Online | Should -BeOfType [bool]
        $connection.UserError | Should -Not -BeNullOrEmpty
    }

    It 'Tomon sign-in with a field of the wrong type is ChatPS.Tomon.InvalidResponse, and an id as a number is read' {
        Add-EmulatorFault $script:Emulator -Path '/api/v1/auth/login' -Kind Reply -Body '{"id":"1","username":"u","discriminator":"1234","email_verified":"true","token":"session-jwt-0123456789"}'
        { Connect-Tomon -BotToken (ConvertTo-TestSecret $script:TomonBotTokenText) -BaseUri $script:Emulator.Tomon -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatPS.Tomon.InvalidResponse,ChatPS.Module.Cmdlets.Tomon.ConnectTomonCommand'

        Add-EmulatorFault $script:Emulator -Path '/api/v1/auth/login' -Kind Reply -Body '{"id":132700396123668480,"username":"u","discriminator":"1234","token":"session-jwt-0123456789"}'
        (Connect-Tomon -BotToken (ConvertTo-TestSecret $script:TomonBotTokenText) -BaseUri $script:Emulator.Tomon -PassThru).User.Id | Should -Be '132700396123668480'
    }

    It 'a bucket that opens in a day fails the next call at once, saying when; a wait of seconds is a warning' {
        $headers = @{ 'X-Rate-Limit-Limit' = '1'; 'X-Rate-Limit-Remaining' = '0'; 'X-Rate-Limit-Reset' = '86000'; 'X-Rate-Limit-Bucket' = 'user/view' }
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/view' -Kind Reply -Headers $headers -Body '{"code":0,"message":"","data":{"id":"1000000001","username":"u"}}'
        $null = Get-KookUser -Id 1000000001 -Connection $script:Kook
        $null = Get-KookUser -Id 1000000001 -Connection $script:Kook -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.RateLimited,*'
        $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failures[0].Exception.Message | Should -Match 'opens at \d{4}-\d\d-\d\d '

        $headers = @{ 'X-Rate-Limit-Limit' = '1'; 'X-Rate-Limit-Remaining' = '0'; 'X-Rate-Limit-Reset' = '6'; 'X-Rate-Limit-Bucket' = 'user/get-online-status' }
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/get-online-status' -Kind Reply -Headers $headers -Body '{"code":0,"message":"","data":{"online":true,"online_os":[]}}'
        $null = Get-KookBotOnlineStatus -Connection $script:Kook
        $null = Get-KookBotOnlineStatus -Connection $script:Kook -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'rate limit of bucket user/get-online-status.*until'
    }

    It 'a decompression bomb and a 1,000,000-element reply leave the process under 1.5 GB at its peak' -Skip:(-not (Test-Path /proc/self/status)) {
        # Memory, not time: a child engine meets both, shows the second, and reports its peak resident size (VmHWM). Before
        # issue 21 the bomb alone took 4.2 GB and the large reply 2.5 GB.
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/me' -Kind GzipBomb -Size 1GB
        $million = (@('0') * 1000000) -join ','
        Add-EmulatorFault $script:Emulator -Path '/api/v3/user/me' -Kind Reply -Body ('{"code":0,"message":"","data":{"id":"1","username":"big","roles":[' + $million + '],"nameplate":[' + $million + ']}}')
        $script = @"
Import-Module '$(Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1')'
Connect-Kook -Token (ConvertTo-SecureString '$script:KookTokenText' -AsPlainText -Force) -BaseUri '$($script:Emulator.Kook)' -SkipValidation
Get-KookUser -ErrorVariable bomb -ErrorAction SilentlyContinue | Out-Null
`$user = Get-KookUser
`$null = `$user | Out-String
`$null = `$user | Format-List * | Out-String
'bomb=' + `$bomb[0].FullyQualifiedErrorId
'roles=' + `$user.Roles.Count
(Get-Content /proc/self/status | Where-Object { `$_ -like 'VmHWM:*' }) -replace '\D', ''
"@
        $output = Invoke-Engine -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $output | Should -Contain 'bomb=ChatPS.Kook.ResponseTooLarge,ChatPS.Module.Cmdlets.Kook.GetKookUserCommand'
        $output | Should -Contain 'roles=1000000'
        $peakKiB = [long]($output | Select-Object -Last 1)
        Write-Host "Peak resident size of a process that met the bomb and the 1,000,000-element reply: $([Math]::Round($peakKiB / 1024)) MiB"
        $peakKiB | Should -BeLessThan (1.5GB / 1KB)
    }
}
