#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:BotToken = ConvertTo-TestSecret 'tomon-emulator-token'

    function New-TestImage {
        param([string] $Path, [int] $Size = 2048)
        $bytes = [byte[]]::new($Size)
        [System.Random]::new($Size).NextBytes($bytes)
        [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) | ForEach-Object -Begin { $i = 0 } -Process { $bytes[$i++] = $_ }
        [System.IO.File]::WriteAllBytes($Path, $bytes)
        $Path
    }
}

AfterAll {
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Tomon cmdlets against the emulator' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $null = Connect-Tomon -BotToken $script:BotToken -BaseUri $script:Emulator.Tomon
    }

    It 'signs in with a bot token, a session token and a password' {
        (Get-TomonUser).FullName | Should -Be 'tomon#1234'
        (Connect-Tomon -Token (ConvertTo-TestSecret 'tomon-emulator-session') -BaseUri $script:Emulator.Tomon -PassThru).UserName | Should -Be 'tomon#1234'
        $credential = [pscredential]::new('tomon#1234', (ConvertTo-TestSecret 'tomon-password'))
        (Connect-Tomon -Credential $credential -BaseUri $script:Emulator.Tomon -PassThru).SignInKind | Should -Be 'Password'
    }

    It 'refuses a wrong password as an authentication error' {
        $credential = [pscredential]::new('tomon#1234', (ConvertTo-TestSecret 'wrong'))
        { Connect-Tomon -Credential $credential -BaseUri $script:Emulator.Tomon } | Should -Throw -ErrorId 'ChatPS.Tomon.Http401,*'
    }

    It 'filters guilds by wildcard' {
        (Get-TomonGuild -Name 'Auto*').Name | Should -Be 'Automation Lab'
    }

    It 'orders guilds as they arrive from the pipeline' {
        Get-TomonGuild | Sort-Object Name | Set-TomonGuildOrder -Confirm:$false
        $names = (Get-TomonGuild).Name
        $names | Should -Be ($names | Sort-Object)
    }

    It 'keeps unlisted guilds after the listed ones and says so' {
        $ids = (Get-TomonGuild).Id
        Set-TomonGuildOrder -Id $ids[3] -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        (Get-TomonGuild)[0].Id | Should -Be $ids[3]
        $warnings.Count | Should -Be 1
    }

    It 'refuses duplicate positions before sending' {
        { Set-TomonGuildOrder -Position @{ '121979324558479360' = 0; '77601467623542784' = 0 } -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatPS.InvalidArgument,*'
        (Get-EmulatorRequest $script:Emulator 'users/@me/guilds' | Where-Object method -eq 'PATCH').Count | Should -Be 0
    }

    It 'leaves a guild only when confirmed' {
        Exit-TomonGuild -Id 200000000000000002 -WhatIf
        (Get-EmulatorRequest $script:Emulator '200000000000000002').Count | Should -Be 0
        Get-TomonGuild -Name 'Archive' | Exit-TomonGuild -Confirm:$false
        (Get-TomonGuild).Id | Should -Not -Contain '200000000000000002'
    }

    It 'opens a DM channel with users from the pipeline' {
        $channel = [pscustomobject]@{ Id = '77334868412862464' } | New-TomonDirectChannel -Confirm:$false
        $channel.Recipients[0].Username | Should -Be 'alice'
        (Get-TomonDirectChannel).Id | Should -Contain $channel.Id
    }

    It 'returns this week''s invite again instead of failing' {
        $first = New-TomonInvite -Confirm:$false
        (New-TomonInvite -Confirm:$false).Code | Should -Be $first.Code
        (Get-TomonInvite).Code | Should -Contain $first.Code
    }

    It 'adds and removes stamp packs' {
        Add-TomonStampPack -Id 140000000000000002 -Confirm:$false
        (Get-TomonStampPack).PackId | Should -Contain '140000000000000002'
        Get-TomonStampPack | Where-Object Name -eq 'dogs' | Remove-TomonStampPack -Confirm:$false
        (Get-TomonStampPack).PackId | Should -Not -Contain '140000000000000002'
        (Get-EmulatorRequest $script:Emulator 'stamppacks/140000000000000002').method | Should -Be @('PUT', 'DELETE')
    }

    It 'files a report with evidence found by wildcard' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'evidence') -Force
        New-TestImage (Join-Path $folder 'one.png') 3000 | Out-Null
        New-TestImage (Join-Path $folder 'two.png') 5000 | Out-Null
        $report = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'spam' -EvidencePath (Join-Path $folder '*.png') -Confirm:$false
        $report.State | Should -Be 'Pending'
        $stored = Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/reports" | Where-Object id -eq $report.Id
        ($stored.files.length | Sort-Object) | Should -Be @(3000, 5000)
    }

    It 'refuses evidence that is not an image, sending nothing' {
        $fake = Join-Path $TestDrive 'fake.png'
        Set-Content -Path $fake -Value 'not an image'
        New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $fake -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Tomon.Evidence.NotAnImage,*'
        $failures[0].TargetObject | Should -Be $fake
        (Get-EmulatorRequest $script:Emulator 'reports').Count | Should -Be 0
    }

    It 'previews a profile change with -WhatIf' {
        Set-TomonUser -Email 'new@tomon.example' -CurrentPassword (ConvertTo-TestSecret 'tomon-password') -WhatIf
        (Get-EmulatorRequest $script:Emulator 'users/@me' | Where-Object method -eq 'PATCH').Count | Should -Be 0
    }

    It 'reports a taken e-mail as ResourceExists' {
        Set-TomonUser -Email 'taken@tomon.example' -CurrentPassword (ConvertTo-TestSecret 'tomon-password') -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'passes guild settings through' {
        (Set-TomonGuildSetting -Setting @{ muted = $true } -Confirm:$false -PassThru).muted | Should -BeTrue
    }

    It 'calls any endpoint with Invoke-TomonApi' {
        (Invoke-TomonApi -Path users/@me).username | Should -Be 'tomon'
    }
}
