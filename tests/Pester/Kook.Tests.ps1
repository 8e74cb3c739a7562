#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Token = ConvertTo-TestSecret 'kook-emulator-token'
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

    It 'connects, validates the token and returns the connection' {
        $script:Connection.UserName | Should -Be 'ChatPS Emulator Bot#1670'
        $script:Connection.IsConnected | Should -BeTrue
        "$script:Connection" | Should -Not -Match 'kook-emulator-token'
        $script:Connection | ConvertTo-Json -Depth 3 | Should -Not -Match 'kook-emulator-token'
    }

    It 'refuses a bad token with a terminating authentication error' {
        $bad = ConvertTo-TestSecret 'not-the-token'
        { Connect-Kook -Token $bad -BaseUri $script:Emulator.Kook } | Should -Throw -ErrorId 'ChatPS.Kook.401,*'
    }

    It 'reads a scheduled task token from CHATPS_KOOK_TOKEN' {
        $env:CHATPS_KOOK_TOKEN = 'kook-emulator-token'
        try {
            (Connect-Kook -BaseUri $script:Emulator.Kook -PassThru).UserName | Should -Be 'ChatPS Emulator Bot#1670'
        }
        finally {
            Remove-Item Env:\CHATPS_KOOK_TOKEN
        }
    }

    It 'gets the bot itself' {
        $me = Get-KookUser
        $me.Id | Should -Be '364862'
        $me.ClientId | Should -Not -BeNullOrEmpty
        $me | Should -BeOfType ([ChatPS.Kook.Models.KookUser])
    }

    It 'looks up ids from the pipeline in order, with one error per bad id' {
        $users = '1000000001', '1999999999', '1000000002' | Get-KookUser -ErrorVariable failures -ErrorAction SilentlyContinue
        $users.Username | Should -Be @('alice', 'bob')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.40000,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be '1999999999'
    }

    It 'takes rows of Import-Csv and guild details' {
        $csv = Join-Path $TestDrive 'members.csv'
        @([pscustomobject]@{ UserId = '1000000001' }, [pscustomobject]@{ UserId = '1000000002' }) | Export-Csv $csv -NoTypeInformation
        $users = Import-Csv $csv | Get-KookUser -GuildId 9000000000000001
        $users.Nickname | Should -Be @('Alice (admin)', 'Bobby')
        $users[0].Roles | Should -Be @('113', '114')
        $users[0].JoinedAt | Should -BeOfType ([DateTimeOffset])
    }

    It 'rejects malformed ids before sending' {
        { Get-KookUser -Id 'abc' -ErrorAction Stop } | Should -Throw
        (Get-EmulatorRequest $script:Emulator 'user/view').Count | Should -Be 0
    }

    It 'surfaces fields the model does not declare' {
        $alice = Get-KookUser -Id 1000000001
        $alice.TagInfo.color | Should -Be '#0096FF'
        ($alice | ConvertTo-Json -Depth 4) | Should -Match 'TagInfo'
    }

    It 'sends nothing with -WhatIf' {
        Set-KookBotOnline -WhatIf
        Set-KookBotOffline -WhatIf
        (Get-EmulatorRequest $script:Emulator 'user/online').Count | Should -Be 0
        (Get-EmulatorRequest $script:Emulator 'user/offline').Count | Should -Be 0
    }

    It 'brings the bot online and offline' {
        (Set-KookBotOnline -Confirm:$false -PassThru).Online | Should -BeTrue
        (Get-KookBotOnlineStatus).OnlineOs | Should -Be @('Webhook')
        (Set-KookBotOffline -Confirm:$false -PassThru).Online | Should -BeFalse
    }

    It 'calls any endpoint with Invoke-KookApi' {
        (Invoke-KookApi -Path user/view -Query @{ user_id = '1000000002' }).username | Should -Be 'bob'
        { Invoke-KookApi -Path user/view -Query @{ user_id = '1999999999' } -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.40000,*'
    }

    It 'writes each HTTP call to the verbose stream without the token' {
        $verbose = Get-KookUser -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'GET user/me -> 200'
        ($verbose.Message -join "`n") | Should -Not -Match 'kook-emulator-token'
    }

    It 'formats users as a table' {
        (Get-KookUser | Format-Table | Out-String) | Should -Match 'ChatPS Emulator Bot#1670'
    }

    It 'drives a second bot through -Connection' {
        $other = Connect-Kook -Token (ConvertTo-TestSecret 'kook-emulator-oauth-token') -TokenType Bearer -BaseUri $script:Emulator.Kook -PassThru
        (Get-KookUser -Connection $other).Id | Should -Be '364862'
        Disconnect-Kook -Connection $other
        { Get-KookUser -Connection $other -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.NotConnected,*'
    }
}
