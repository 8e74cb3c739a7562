#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# How KOOK and Tomon answer in practice (issue 12): the new parameters and behaviours in a real engine, against the emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:KookToken = ConvertTo-TestSecret 'kook-emulator-token'
    $script:TomonBotToken = ConvertTo-TestSecret 'tomon-emulator-token'
    $script:Password = ConvertTo-TestSecret 'tomon-password'
    $script:Lab = '77601467623542784'

    # -WhatIf text goes to the host, so it is read from a second engine's console output.
    function Invoke-InChildEngine {
        param([string] $Script)
        $module = Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'
        $prelude = "Import-Module '$module'; " +
            "`$null = Connect-Tomon -BotToken (ConvertTo-SecureString 'tomon-emulator-token' -AsPlainText -Force) -BaseUri '$($script:Emulator.Tomon)'; "
        Invoke-Engine -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1 | Out-String -Width 400
    }
}

AfterAll {
    Disconnect-Kook
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Set-TomonGuildSetting per guild' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $null = Connect-Tomon -BotToken $script:TomonBotToken -BaseUri $script:Emulator.Tomon
    }

    It 'takes guilds from Get-TomonGuild and sends PATCH /users/@me/guilds/{guildId}/settings with mute' {
        $settings = Get-TomonGuild -Name 'Auto*' | Set-TomonGuildSetting -Muted -MessageNotifications 1 -Confirm:$false -PassThru
        $settings | Should -HaveCount 1
        $settings.GetType().FullName | Should -Be 'ChatPS.Tomon.Models.TomonGuildSettings'
        $settings.GuildId | Should -Be $script:Lab
        $settings.Muted | Should -BeTrue
        $settings.MessageNotifications | Should -Be 1
        $call = Get-EmulatorRequest $script:Emulator "guilds/$($script:Lab)/settings"
        $call | Should -HaveCount 1
        $call[0].method | Should -Be 'PATCH'
    }

    It 'sets every guild from the pipeline and stores each separately' {
        Get-TomonGuild | Set-TomonGuildSetting -SuppressEveryone -Confirm:$false
        (Get-EmulatorRequest $script:Emulator '/settings').Count | Should -Be (Get-TomonGuild).Count
        (Set-TomonGuildSetting -GuildId $script:Lab -Muted:$false -Confirm:$false -PassThru).SuppressEveryone | Should -BeTrue
        (Set-TomonGuildSetting -GuildId $script:Lab -Muted:$false -Confirm:$false -PassThru).Muted | Should -BeFalse
    }

    It 'defaults to the direct-message settings (@me)' {
        $settings = Set-TomonGuildSetting -SuppressEveryone -Confirm:$false -PassThru
        $settings.GuildId | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:Emulator 'guilds/@me/settings').Count | Should -Be 1
        ($settings | Format-Table | Out-String) | Should -Match '@me'
    }

    It 'takes channel overrides as hashtables and objects, and other keys through -Setting' {
        $fromCsv = [pscustomobject]@{ ChannelId = '77601467623542786'; MessageNotifications = '2' }
        $settings = Set-TomonGuildSetting -GuildId $script:Lab -Setting @{ mobile_push = $true } -Confirm:$false -PassThru -ChannelOverride @(
            @{ channel_id = '77601467623542785'; message_notifications = 0 }, $fromCsv)
        $settings.ChannelOverrides | Should -HaveCount 2
        ($settings.ChannelOverrides | Where-Object ChannelId -eq '77601467623542786').MessageNotifications | Should -Be 2
        # Fields the model does not declare become PascalCase extra properties.
        $settings.MobilePush | Should -BeTrue
        (Set-TomonGuildSetting @{ custom = 1 } -Confirm:$false -PassThru).custom | Should -Be 1
    }

    It 'refuses bad input with a clear error before sending' {
        Set-TomonGuildSetting -GuildId $script:Lab -ChannelOverride @{ channel_id = 'general'; message_notifications = 1 } -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.InvalidArgument,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match "'general'"
        Set-TomonGuildSetting -GuildId $script:Lab -Muted -Setting @{ mute = $false } -Confirm:$false -ErrorVariable clash -ErrorAction SilentlyContinue
        $clash[0].Exception.Message | Should -Match "'mute'"
        Set-TomonGuildSetting -Confirm:$false -ErrorVariable empty -ErrorAction SilentlyContinue
        $empty[0].Exception.Message | Should -Match 'No settings'
        { Set-TomonGuildSetting -GuildId 'abc' -Muted -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Set-TomonGuildSetting -MessageNotifications 9 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        (Get-EmulatorRequest $script:Emulator '/settings').Count | Should -Be 0
    }

    It 'names the guild in -WhatIf and sends nothing' {
        $out = Invoke-InChildEngine "Get-TomonGuild -Name 'Auto*' | Set-TomonGuildSetting -Muted -WhatIf; Set-TomonGuildSetting -SuppressEveryone -WhatIf"
        $out | Should -Match "Settings of Tomon guild 'Automation Lab' \($($script:Lab)\)"
        $out | Should -Match 'Change mute'
        $out | Should -Match 'Tomon direct-message settings \(@me\)'
        (Get-EmulatorRequest $script:Emulator '/settings').Count | Should -Be 0
    }

    It 'documents the new parameters' {
        $help = Get-Help Set-TomonGuildSetting -Full
        ($help.parameters.parameter.name) | Should -Contain 'ChannelOverride'
        ($help.parameters.parameter | Where-Object name -eq 'GuildId').pipelineInput | Should -Match 'ByPropertyName'
        (Get-Command Set-TomonGuildSetting).Parameters['GuildId'].Aliases | Should -Contain 'Id'
    }
}

Describe 'Set-TomonUser -Name and -Username' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $null = Connect-Tomon -BotToken $script:TomonBotToken -BaseUri $script:Emulator.Tomon
    }

    It 'renames the account, sending name and username' {
        $user = Set-TomonUser -Name 'Ops Bot' -Username 'opsbot' -CurrentPassword $script:Password -Confirm:$false -PassThru
        $user.Name | Should -Be 'Ops Bot'
        $user.FullName | Should -Be 'opsbot#1234'
        (Get-TomonUser).Username | Should -Be 'opsbot'
        $credential = [pscredential]::new('opsbot#1234', $script:Password)
        (Connect-Tomon -Credential $credential -BaseUri $script:Emulator.Tomon -PassThru).User.Name | Should -Be 'Ops Bot'
        $null = Set-TomonUser -Name 'tomon' -Username 'tomon' -CurrentPassword $script:Password -Confirm:$false
        (Get-TomonUser).FullName | Should -Be 'tomon#1234'
    }

    It 'refuses a user name with # before sending and a taken name as ResourceExists' {
        Set-TomonUser -Username 'a#b' -CurrentPassword $script:Password -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-EmulatorRequest $script:Emulator 'users/@me' | Where-Object method -eq 'PATCH').Count | Should -Be 0
        Set-TomonUser -Username 'alice' -Discriminator '0001' -CurrentPassword $script:Password -Confirm:$false -ErrorVariable taken -ErrorAction SilentlyContinue
        $taken[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }
}

Describe 'KOOK as it answers live' {
    BeforeAll {
        $script:SavedCulture = [System.Globalization.CultureInfo]::CurrentUICulture
    }
    AfterAll {
        [System.Globalization.CultureInfo]::CurrentUICulture = $script:SavedCulture
    }
    BeforeEach {
        Reset-Emulator $script:Emulator
    }

    It 'reports a user KOOK answers with 40000 as ObjectNotFound, keeping the error id' {
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        Get-KookUser -Id 1999999999 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.40000,*'
        $failures[0].TargetObject | Should -Be '1999999999'
    }

    It 'sends the session UI culture as Accept-Language, and -AcceptLanguage overrides it' {
        [System.Globalization.CultureInfo]::CurrentUICulture = 'en-US'
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        Get-KookUser -Id 1999999999 -ErrorVariable english -ErrorAction SilentlyContinue
        $english[0].Exception.Message | Should -Match 'User does not exist'

        [System.Globalization.CultureInfo]::CurrentUICulture = 'zh-CN'
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        Get-KookUser -Id 1999999999 -ErrorVariable chinese -ErrorAction SilentlyContinue
        $chinese[0].Exception.Message | Should -Match '用户不存在'

        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -AcceptLanguage 'en-GB'
        Get-KookUser -Id 1999999999 -ErrorVariable overridden -ErrorAction SilentlyContinue
        $overridden[0].Exception.Message | Should -Match 'User does not exist'
    }

    It 'reports an injected 403 as PermissionDenied' {
        [System.Globalization.CultureInfo]::CurrentUICulture = 'en-US'
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        Add-EmulatorFault $script:Emulator -Method 'POST' -Path '/api/v3/user/online' -Kind 'Forbidden'
        Set-KookBotOnline -Confirm:$false -ErrorVariable denied -ErrorAction SilentlyContinue
        $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Kook.403,*'
    }

    It 'shows the current user fields as typed properties' {
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        $bot = Get-KookUser -Id 2418200000 -GuildId 9000000000000001
        $bot.BotStatus | Should -BeOfType [int]
        $bot.TagInfo.Text | Should -Be '机器人'
        $bot.TagInfo.BackgroundColor | Should -Be '#0096FF40'
        $bot.IsSystem | Should -BeFalse
        $bot.Verified | Should -BeTrue
        $bot.Roles | Should -Be @('200')
        $bot.Roles[0] | Should -BeOfType [string]
        $alice = Get-KookUser -Id 1000000001
        $alice.VipAmp | Should -BeTrue
        $alice.DecorationsIdMap | Should -Not -BeNullOrEmpty
        ($alice.PSObject.Properties.Name) | Should -Contain 'Nameplate'
        ($alice.PSObject.Properties.Name) | Should -Contain 'KpmVip'
        $list = $bot | Format-List VipAmp, BotStatus, TagInfo, IsSystem, Verified | Out-String
        $list | Should -Match 'TagInfo\s+:\s+机器人'
        $list | Should -Match 'BotStatus\s+:\s+0'
        $json = $bot | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.TagInfo.BackgroundColor | Should -Be '#0096FF40'
        ($bot | Format-Table | Out-String) | Should -Match 'tz-un#5618'
    }

    It 'paces on the rate-limit headers alone: the emulator sends no Retry-After' {
        $null = Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        $null = Invoke-RestMethod -Method Put -Uri "$($script:Emulator.BaseUri)/_emulator/rate-limits/user/view" -Body '{"limit":3,"window_seconds":1}' -ContentType 'application/json'
        try {
            $users = 0..7 | ForEach-Object { [string](3000000000L + $_) } | Get-KookUser -ThrottleLimit 1
            $users | Should -HaveCount 8
            (Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/stats").kook_rate_limited | Should -Be 0
        }
        finally {
            $null = Invoke-RestMethod -Method Put -Uri "$($script:Emulator.BaseUri)/_emulator/rate-limits/user/view" -Body '{"limit":240,"window_seconds":1}' -ContentType 'application/json'
        }
    }
}
