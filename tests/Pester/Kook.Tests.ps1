#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# One Describe per KOOK cmdlet, every parameter set exercised against the emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Token = ConvertTo-TestSecret $script:KookTokenText
    $script:BotName = 'ChatPS Emulator Bot#1670'
}

AfterAll {
    Disconnect-Kook
    Stop-TestEmulator $script:Emulator
}

Describe 'KOOK cmdlets against the emulator' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:Connection = Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook -PassThru
    }

    Describe 'Connect-Kook' {
        It 'Token set: validates the token and returns the connection, which never shows the token' {
            $script:Connection.UserName | Should -Be $script:BotName
            $script:Connection.IsConnected | Should -BeTrue
            $script:Connection | Should -BeOfType ([ChatPS.Automation.KookConnection])
            "$script:Connection" | Should -Not -Match $script:KookTokenText
            $script:Connection | ConvertTo-Json -Depth 3 | Should -Not -Match $script:KookTokenText
            ($script:Connection | Format-List * | Out-String) | Should -Not -Match $script:KookTokenText
        }

        It 'Token set: writes nothing without -PassThru and becomes the current connection' {
            Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook | Should -BeNullOrEmpty
            (Get-KookUser).Id | Should -Be '364862'
        }

        It 'Token set: an OAuth token with -TokenType Bearer' {
            $bearer = Connect-Kook -Token (ConvertTo-TestSecret 'kook-emulator-oauth-token') -TokenType Bearer -BaseUri $script:Emulator.Kook -PassThru
            $bearer.TokenType | Should -Be 'Bearer'
            (Get-KookUser -Connection $bearer).Id | Should -Be '364862'
        }

        It 'Token set: -SkipValidation sends nothing' {
            $null = Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook -SkipValidation
            (Get-EmulatorRequest $script:Emulator 'user/me').Count | Should -Be 1 -Because 'only the BeforeEach connect validated'
        }

        It 'Token set: refuses a bad token with a terminating authentication error' {
            { Connect-Kook -Token (ConvertTo-TestSecret 'not-the-token') -BaseUri $script:Emulator.Kook } | Should -Throw -ErrorId 'ChatPS.Kook.401,*'
        }

        It 'Token set: names the account in its verbose line, read from the check''s reply' {
            $lines = Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook -Verbose 4>&1 | ForEach-Object { "$_" }
            $lines | Should -Contain "Connected: KOOK $($script:BotName) at $($script:Emulator.Kook)/"
            (Get-EmulatorRequest $script:Emulator 'user/me').Count | Should -Be 2 -Because 'the account comes from the check, not a second call'
        }

        It 'Token set: a check whose reply carries no user fails the connect' {
            Add-EmulatorFault $script:Emulator -Method GET -Path '/api/v3/user/me' -Kind Reply -Body '{"code":0,"message":"","data":[]}'
            { Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook } | Should -Throw -ErrorId 'ChatPS.Kook.InvalidResponse,*'
        }

        It 'Credential set: the password is the token' {
            $credential = [pscredential]::new('ignored', $script:Token)
            (Connect-Kook -Credential $credential -BaseUri $script:Emulator.Kook -PassThru).UserName | Should -Be $script:BotName
        }

        It 'Environment set: reads a scheduled task token from CHATPS_KOOK_TOKEN' {
            $env:CHATPS_KOOK_TOKEN = $script:KookTokenText
            try {
                (Connect-Kook -BaseUri $script:Emulator.Kook -PassThru).UserName | Should -Be $script:BotName
            }
            finally {
                Remove-Item Env:\CHATPS_KOOK_TOKEN
            }
        }

        It 'Environment set: fails clearly when CHATPS_KOOK_TOKEN is not set' {
            Remove-Item Env:\CHATPS_KOOK_TOKEN -ErrorAction SilentlyContinue
            { Connect-Kook -BaseUri $script:Emulator.Kook -ErrorAction Stop } | Should -Throw
        }

        It 'takes the connection options (-AcceptLanguage, retries, timeout)' {
            $options = Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook -AcceptLanguage 'en-US' -MaximumRetryCount 1 -RetryIntervalSec 1 -TimeoutSec 100 -PassThru
            $options.IsConnected | Should -BeTrue
            (Get-KookUser -Connection $options).Id | Should -Be '364862'
        }
    }

    Describe 'Disconnect-Kook' {
        It 'closes the current connection' {
            Disconnect-Kook
            { Get-KookUser -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.NotConnected,*'
        }

        It 'closes a connection from the pipeline and writes it with -PassThru' {
            $other = Connect-Kook -Token $script:Token -BaseUri $script:Emulator.Kook -PassThru
            $closed = $other | Disconnect-Kook -PassThru
            $closed.IsConnected | Should -BeFalse
            { Get-KookUser -Connection $other -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.NotConnected,*'
        }
    }

    Describe 'Get-KookUser' {
        It 'Me set: gets the bot itself' {
            $me = Get-KookUser
            $me.Id | Should -Be '364862'
            $me.ClientId | Should -Not -BeNullOrEmpty
            $me | Should -BeOfType ([ChatPS.Kook.Models.KookUser])
        }

        It 'Id set: looks up ids from the pipeline in order, with one error per bad id' {
            $users = '1000000001', '1999999999', '1000000002' | Get-KookUser -ErrorVariable failures -ErrorAction SilentlyContinue
            $users.Username | Should -Be @('alice', 'bob')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.40000,*'
            $failures[0].TargetObject | Should -Be '1999999999'
        }

        It 'Id set: takes rows of Import-Csv and guild details with -GuildId' {
            $csv = Join-Path $TestDrive 'members.csv'
            @([pscustomobject]@{ UserId = '1000000001' }, [pscustomobject]@{ UserId = '1000000002' }) | Export-Csv $csv -NoTypeInformation
            $users = Import-Csv $csv | Get-KookUser -GuildId 9000000000000001
            $users.Nickname | Should -Be @('Alice (admin)', 'Bobby')
            $users[0].Roles | Should -Be @('113', '114')
            $users[0].JoinedAt | Should -BeOfType ([DateTimeOffset])
        }

        It 'Id set: many ids with -ThrottleLimit come back in input order' {
            $ids = 1..30 | ForEach-Object { '{0}' -f (3000000000 + $_) }
            (Get-KookUser -Id $ids -ThrottleLimit 4).Id | Should -Be $ids
        }

        It 'Id set: takes a -Connection' {
            (Get-KookUser -Id 1000000002 -Connection $script:Connection).Username | Should -Be 'bob'
        }

        It 'rejects malformed ids before sending' {
            { Get-KookUser -Id 'abc' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            (Get-EmulatorRequest $script:Emulator 'user/view').Count | Should -Be 0
        }

        It 'writes each HTTP call to the verbose stream without the token' {
            $verbose = Get-KookUser -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'GET user/me -> 200'
            ($verbose.Message -join "`n") | Should -Not -Match $script:KookTokenText
        }

        It 'formats users as a table' {
            (Get-KookUser | Format-Table | Out-String) | Should -Match ([regex]::Escape($script:BotName))
        }
    }

    Describe 'Set-KookBotOnline' {
        It 'sends nothing with -WhatIf' {
            Set-KookBotOnline -WhatIf
            (Get-EmulatorRequest $script:Emulator 'user/online').Count | Should -Be 0
        }

        It 'brings the bot online; -PassThru writes the new status' {
            $status = Set-KookBotOnline -Confirm:$false -PassThru
            $status | Should -BeOfType ([ChatPS.Kook.Models.KookOnlineStatus])
            $status.Online | Should -BeTrue
            Set-KookBotOnline -Confirm:$false -Connection $script:Connection | Should -BeNullOrEmpty
            (Get-EmulatorRequest $script:Emulator 'user/online').Count | Should -Be 2
        }
    }

    Describe 'Set-KookBotOffline' {
        It 'sends nothing with -WhatIf' {
            Set-KookBotOffline -WhatIf
            (Get-EmulatorRequest $script:Emulator 'user/offline').Count | Should -Be 0
        }

        It 'takes the bot offline; -PassThru writes the new status' {
            $null = Set-KookBotOnline -Confirm:$false
            (Set-KookBotOffline -Confirm:$false -PassThru -Connection $script:Connection).Online | Should -BeFalse
            (Get-KookBotOnlineStatus).Online | Should -BeFalse
        }
    }

    Describe 'Get-KookBotOnlineStatus' {
        It 'reports the status and the systems the bot is online on' {
            $null = Set-KookBotOnline -Confirm:$false
            $status = Get-KookBotOnlineStatus -Connection $script:Connection
            $status.Online | Should -BeTrue
            $status.OnlineOs | Should -Be @('Webhook')
        }
    }

    Describe 'Invoke-KookApi' {
        It 'GET with -Query returns the data object' {
            (Invoke-KookApi -Path user/view -Query @{ user_id = '1000000002' }).username | Should -Be 'bob'
        }

        It 'POST with -Body, and -WhatIf sends nothing' {
            Invoke-KookApi -Path user/offline -Method POST -Body @{} -WhatIf
            (Get-EmulatorRequest $script:Emulator 'user/offline').Count | Should -Be 0
            $null = Invoke-KookApi -Path user/offline -Method POST -Body @{} -Connection $script:Connection -Confirm:$false
            (Get-EmulatorRequest $script:Emulator 'user/offline').Count | Should -Be 1
        }

        It 'turns a KOOK error code into a stable ErrorId with the path as target' {
            { Invoke-KookApi -Path user/view -Query @{ user_id = '1999999999' } -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.40000,*'
        }
    }
}
