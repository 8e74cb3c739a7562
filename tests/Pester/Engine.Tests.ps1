#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What only a PowerShell engine shows: Ctrl+C, runspaces sharing a connection, jobs in another process, error records
# under -ErrorAction Stop, the six streams, tab completion, and removing and importing the module again.
# No assertion here depends on how fast the machine is: bounds are generous and only stop a hang.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Psd1 = Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'
    $script:KookToken = ConvertTo-TestSecret $script:KookTokenText
    $script:TomonBotToken = ConvertTo-TestSecret $script:TomonBotTokenText
    $script:Secrets = $script:KookTokenText, $script:TomonBotTokenText, $script:TomonSessionText, $script:TomonPasswordText, 'kook-emulator-oauth-token'
}

AfterAll {
    Disconnect-Kook
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Ctrl+C' {
    It 'stops a call the emulator stalls, and the connection works afterwards' {
        Reset-Emulator $script:Emulator
        $connection = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -PassThru
        Add-EmulatorFault $script:Emulator -Method GET -Path '/api/v3/user/view' -Kind Stall -Seconds 300
        $before = (Get-EmulatorStat $script:Emulator).requests_received

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Psd1, $Connection) Import-Module $Psd1; Get-KookUser -Id 1000000001 -Connection $Connection').
                AddArgument($script:Psd1).AddArgument($connection)
            $async = $ps.BeginInvoke()
            # Wait until the stalled request has reached the emulator (a bound, not a timing assertion).
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while ((Get-EmulatorStat $script:Emulator).requests_received -le $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $async.IsCompleted | Should -BeFalse -Because 'the call is stalled'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $stopped = $ps.BeginStop($null, $null)
            $stopped.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because 'Stop() must end the call long before the 300 s stall does'
            $watch.Stop()
            $ps.EndStop($stopped)
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Write-Host ("    Ctrl+C stopped the stalled call in {0:N0} ms" -f $watch.Elapsed.TotalMilliseconds)
        }
        finally {
            $ps.Dispose()
        }
        (Get-KookUser -Id 1000000001 -Connection $connection).Username | Should -Be 'alice'
    }
}

Describe 'ForEach-Object -Parallel' {
    It 'shares the connection''s rate limiter across runspaces: no 429 under a tight limit' {
        Reset-Emulator $script:Emulator
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Emulator.BaseUri)/_emulator/rate-limits/user/view" -ContentType 'application/json' -Body '{"limit":4,"window_seconds":1}'
        try {
            $connection = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -PassThru
            $limitedBefore = (Get-EmulatorStat $script:Emulator).kook_rate_limited
            $ids = 1..12 | ForEach-Object { '{0}' -f (3000000000 + $_) }
            $users = $ids | ForEach-Object -ThrottleLimit 6 -Parallel {
                Import-Module $using:Psd1
                Get-KookUser -Id $_ -Connection $using:connection
            }
            @($users).Count | Should -Be 12
            ($users.Id | Sort-Object) | Should -Be ($ids | Sort-Object)
            (Get-EmulatorStat $script:Emulator).kook_rate_limited | Should -Be $limitedBefore
            @(Get-EmulatorRequest $script:Emulator 'user/view' | Where-Object status -eq 429).Count | Should -Be 0
        }
        finally {
            $null = Invoke-RestMethod -Method Put -Uri "$($script:Emulator.BaseUri)/_emulator/rate-limits/user/view" -ContentType 'application/json' -Body '{"limit":100,"window_seconds":1}'
        }
    }
}

Describe 'Start-Job (scheduled-task style)' {
    It 'connects from CHATPS_KOOK_TOKEN without -Token and keeps the bot online' {
        Reset-Emulator $script:Emulator
        $null = Set-KookBotOffline -Connection (Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -PassThru) -Confirm:$false
        $env:CHATPS_KOOK_TOKEN = $script:KookTokenText
        try {
            $job = Start-Job -ArgumentList $script:Psd1, $script:Emulator.Kook -ScriptBlock {
                param($Psd1, $BaseUri)
                Import-Module $Psd1
                Connect-Kook -BaseUri $BaseUri
                if (-not (Get-KookBotOnlineStatus).Online) { Set-KookBotOnline -Confirm:$false }
                (Get-KookBotOnlineStatus).Online
            }
        }
        finally {
            Remove-Item Env:\CHATPS_KOOK_TOKEN
        }
        try {
            $null = Wait-Job $job -Timeout 300
            $job.State | Should -Be 'Completed'
            $output = Receive-Job $job -ErrorVariable jobErrors -ErrorAction SilentlyContinue
            $jobErrors | Should -BeNullOrEmpty
            $output | Should -Be $true
        }
        finally {
            Remove-Job $job -Force
        }
        (Get-KookBotOnlineStatus -Connection (Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -PassThru)).Online | Should -BeTrue
        (Get-EmulatorRequest $script:Emulator 'user/online').Count | Should -Be 1
    }
}

Describe '-ErrorAction Stop inside try/catch' {
    BeforeAll {
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        $null = Connect-Tomon -BotToken $script:TomonBotToken -BaseUri $script:Emulator.Tomon
        function Get-CaughtError {
            param([scriptblock] $Script)
            try { $null = & $Script } catch { return $_ }
        }
    }

    It 'a user KOOK cannot find: the stable ErrorId and the id as TargetObject' {
        $caught = Get-CaughtError { Get-KookUser -Id 1000000001, 1999999999 -ErrorAction Stop }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.40000,*'
        $caught.TargetObject | Should -Be '1999999999'
    }

    It 'evidence that is not an image: InvalidArgument with the path as TargetObject' {
        $fake = Join-Path $TestDrive 'fake.png'
        Set-Content -Path $fake -Value 'not an image'
        $caught = Get-CaughtError { New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $fake -Confirm:$false -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ChatPS.Tomon.Evidence.NotAnImage,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.TargetObject | Should -Be $fake
    }

    It 'a bad token: AuthenticationError, and the record does not carry the token' {
        $caught = Get-CaughtError { Connect-Kook -Token (ConvertTo-TestSecret 'not-the-token') -BaseUri $script:Emulator.Kook -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.401,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($caught | Format-List * -Force | Out-String) | Should -Not -Match 'not-the-token'
    }

    It 'leaving a guild the user is not in: ObjectNotFound with the id as TargetObject' {
        $caught = Get-CaughtError { Exit-TomonGuild -Id 999999999999999999 -Confirm:$false -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ChatPS.Tomon.*,*'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.TargetObject | Should -Be '999999999999999999'
    }
}

Describe 'The six streams' {
    It 'never carry a token or password during connect, calls, errors, -Verbose and -Debug' {
        # Secrets reach the commands through variables, so the command lines an error view quotes hold none.
        $oauth = ConvertTo-TestSecret 'kook-emulator-oauth-token'
        $session = ConvertTo-TestSecret $script:TomonSessionText
        $password = ConvertTo-TestSecret $script:TomonPasswordText
        $wrongText = 'wrong-password-42'
        $wrong = ConvertTo-TestSecret $wrongText
        $records = & {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $InformationPreference = 'Continue'
            Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -PassThru -Verbose -Debug
            Connect-Kook -Credential ([pscredential]::new('bot', $script:KookToken)) -BaseUri $script:Emulator.Kook -PassThru -Verbose
            Connect-Tomon -BotToken $script:TomonBotToken -BaseUri $script:Emulator.Tomon -PassThru -Verbose -Debug
            Connect-Tomon -Token $session -BaseUri $script:Emulator.Tomon -PassThru -Verbose
            Connect-Tomon -Credential ([pscredential]::new('tomon#1234', $password)) -BaseUri $script:Emulator.Tomon -PassThru -Verbose -Debug
            Get-KookUser -Id 1000000001, 1999999999 -Verbose -Debug
            Invoke-KookApi -Path user/me -Verbose -Debug
            Get-TomonUser -Verbose -Debug
            Invoke-TomonApi -Path users/@me -Verbose -Debug
            Set-TomonUser -Email 'taken@tomon.example' -CurrentPassword $password -Confirm:$false -Verbose -Debug
            # Terminating errors, kept in the sweep as the records a script would catch.
            try { Connect-Kook -Token $oauth -TokenType Bot -BaseUri $script:Emulator.Kook -Verbose -Debug } catch { $_ }
            try { Connect-Tomon -Credential ([pscredential]::new('tomon#1234', $wrong)) -BaseUri $script:Emulator.Tomon -Verbose -Debug } catch { $_ }
            try { Get-KookUser -Id 1999999999 -ErrorAction Stop -Verbose } catch { $_ }
            Write-Information 'end of sweep'
        } *>&1
        $records.Count | Should -BeGreaterThan 10
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 0
        $text = foreach ($record in $records) {
            $record | Out-String
            $record | Format-List * -Force | Out-String
            if ($record -is [System.Management.Automation.ErrorRecord]) { $record.Exception.ToString(); $record.ErrorDetails | Out-String }
            elseif ($record -isnot [System.Management.Automation.InformationalRecord]) { $record | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue }
        }
        $all = $text -join "`n"
        foreach ($secret in $script:Secrets + $wrongText) { $all | Should -Not -Match ([regex]::Escape($secret)) -Because "the streams must not show $secret" }
    }
}

Describe 'Tab completion' {
    BeforeAll {
        $null = Connect-Tomon -BotToken $script:TomonBotToken -BaseUri $script:Emulator.Tomon
        $script:GuildIds = (Get-TomonGuild).Id
    }

    It 'offers the connection''s guilds for <_> -Id' -ForEach 'Exit-TomonGuild', 'Set-TomonGuildOrder' {
        $line = "$_ -Id "
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be $script:GuildIds
        $completion.CompletionMatches.ListItemText | Should -Contain "77601467623542784 (Automation Lab)"
    }

    It 'narrows by id prefix and by name' {
        $line = 'Exit-TomonGuild -Id 2000'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('200000000000000001', '200000000000000002', '200000000000000003')
        $line = 'Exit-TomonGuild -Id Auto'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('77601467623542784')
    }
}

Describe 'Removing and importing the module again' {
    It 'works in the same session, and only the host''s System.Text.Json is ever loaded' {
        $script = @'
param($Psd1, $BaseUri)
$ErrorActionPreference = 'Stop'
Import-Module $Psd1
$first = (Get-KookUser -Connection (Connect-Kook -Token (ConvertTo-SecureString 'kook-emulator-token' -AsPlainText -Force) -BaseUri $BaseUri -PassThru)).Id
Remove-Module ChatPS
Import-Module $Psd1
$second = (Get-KookUser -Connection (Connect-Kook -Token (ConvertTo-SecureString 'kook-emulator-token' -AsPlainText -Force) -BaseUri $BaseUri -PassThru)).Id
$json = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' })
[pscustomobject]@{ First = $first; Second = $second; JsonCount = $json.Count; JsonLocation = $json[0].Location; Commands = @(Get-Command -Module ChatPS).Count } | ConvertTo-Json -Compress
'@
        $file = Join-Path $TestDrive 'reimport.ps1'
        Set-Content -Path $file -Value $script
        $output = Invoke-Engine -NoProfile -NonInteractive -File $file -Psd1 $script:Psd1 -BaseUri $script:Emulator.Kook
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
        $result.First | Should -Be '364862'
        $result.Second | Should -Be '364862'
        $result.Commands | Should -Be 24
        $result.JsonCount | Should -Be 1
        $result.JsonLocation | Should -Not -BeLike (Join-Path $script:RepoRoot 'out/*')
        [System.IO.Path]::GetDirectoryName($result.JsonLocation) | Should -Be ([System.IO.Path]::GetDirectoryName([object].Assembly.Location))
    }
}
