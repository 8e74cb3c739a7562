#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# One Describe per Tomon cmdlet, every parameter set exercised against the emulator. The emulator keeps its state
# for the whole file (guild order, packs, DMs), so each test states what it changes.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:BotToken = ConvertTo-TestSecret $script:TomonBotTokenText
    $script:Password = ConvertTo-TestSecret $script:TomonPasswordText

    function New-TestImage {
        param([string] $Path, [int] $Size = 2048)
        $bytes = [byte[]]::new($Size)
        [System.Random]::new($Size).NextBytes($bytes)
        ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)).CopyTo($bytes, 0)
        [System.IO.File]::WriteAllBytes($Path, $bytes)
        $Path
    }

    function Get-PatchRequest {
        param([string] $Path)
        @(Get-EmulatorRequest $script:Emulator $Path | Where-Object method -eq 'PATCH')
    }
}

AfterAll {
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Tomon cmdlets against the emulator' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:Connection = Connect-Tomon -BotToken $script:BotToken -BaseUri $script:Emulator.Tomon -PassThru
    }

    Describe 'Connect-Tomon' {
        It 'BotToken set: exchanges the bot token for a session' {
            $script:Connection.UserName | Should -Be 'tomon#1234'
            $script:Connection.SignInKind | Should -Be 'BotToken'
            ($script:Connection | ConvertTo-Json -Depth 3) | Should -Not -Match $script:TomonBotTokenText
        }

        It 'Token set: a session token is used as it is' {
            (Connect-Tomon -Token (ConvertTo-TestSecret $script:TomonSessionText) -BaseUri $script:Emulator.Tomon -PassThru).UserName | Should -Be 'tomon#1234'
            (Get-EmulatorRequest $script:Emulator 'auth/login').Count | Should -Be 1 -Because 'only the BeforeEach bot-token sign-in logs in'
        }

        It 'Credential set: name#discriminator and password' {
            $credential = [pscredential]::new('tomon#1234', $script:Password)
            (Connect-Tomon -Credential $credential -BaseUri $script:Emulator.Tomon -PassThru).SignInKind | Should -Be 'Password'
        }

        It 'Credential set: a wrong password is an authentication error' {
            $credential = [pscredential]::new('tomon#1234', (ConvertTo-TestSecret 'wrong'))
            { Connect-Tomon -Credential $credential -BaseUri $script:Emulator.Tomon } | Should -Throw -ErrorId 'ChatPS.Tomon.Http401,*'
        }

        It 'Environment set: reads CHATPS_TOMON_TOKEN' {
            $env:CHATPS_TOMON_TOKEN = $script:TomonBotTokenText
            try {
                (Connect-Tomon -BaseUri $script:Emulator.Tomon -PassThru).UserName | Should -Be 'tomon#1234'
            }
            finally {
                Remove-Item Env:\CHATPS_TOMON_TOKEN
            }
        }

        It 'becomes the current connection without -PassThru and writes nothing' {
            Connect-Tomon -BotToken $script:BotToken -BaseUri $script:Emulator.Tomon | Should -BeNullOrEmpty
            (Get-TomonUser).FullName | Should -Be 'tomon#1234'
        }
    }

    Describe 'Disconnect-Tomon' {
        It 'closes the current connection' {
            Disconnect-Tomon
            { Get-TomonGuild -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Tomon.NotConnected,*'
        }

        It 'closes a connection from the pipeline and writes it with -PassThru' {
            ($script:Connection | Disconnect-Tomon -PassThru).IsConnected | Should -BeFalse
            { Get-TomonUser -Connection $script:Connection -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Tomon.NotConnected,*'
        }
    }

    Describe 'Get-TomonUser' {
        It 'gets the signed-in profile' {
            $me = Get-TomonUser -Connection $script:Connection
            $me | Should -BeOfType ([ChatPS.Tomon.Models.TomonUser])
            $me.FullName | Should -Be 'tomon#1234'
            $me.Email | Should -Be 'bot@tomon.example'
        }
    }

    Describe 'Set-TomonUser' {
        It 'previews a profile change with -WhatIf' {
            Set-TomonUser -Email 'new@tomon.example' -CurrentPassword $script:Password -WhatIf
            (Get-PatchRequest 'users/@me').Count | Should -Be 0
        }

        It 'changes the e-mail address and the discriminator; -PassThru writes the profile' {
            $updated = Set-TomonUser -Email 'ops@tomon.example' -CurrentPassword $script:Password -Confirm:$false -PassThru
            $updated.Email | Should -Be 'ops@tomon.example'
            $updated = Set-TomonUser -Discriminator 4321 -CurrentPassword $script:Password -Confirm:$false -PassThru -Connection $script:Connection
            $updated.Discriminator | Should -Be '4321'
            $null = Set-TomonUser -Discriminator 1234 -Email 'bot@tomon.example' -CurrentPassword $script:Password -Confirm:$false
        }

        It 'reports a taken e-mail as ResourceExists with the address as target' {
            Set-TomonUser -Email 'taken@tomon.example' -CurrentPassword $script:Password -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        }
    }

    Describe 'Get-TomonGuild' {
        It 'lists the guilds in sidebar order' {
            $guilds = Get-TomonGuild -Connection $script:Connection
            $guilds.Count | Should -Be 5
            $guilds[0] | Should -BeOfType ([ChatPS.Tomon.Models.TomonGuild])
        }

        It 'filters by wildcard, several patterns, case-insensitively' {
            (Get-TomonGuild -Name 'auto*').Name | Should -Be 'Automation Lab'
            (Get-TomonGuild -Name 'Auto*', 'Arch*').Name | Should -Be @('Automation Lab', 'Archive')
        }
    }

    Describe 'Set-TomonGuildOrder' {
        It 'Id set: orders guilds as they arrive from the pipeline' {
            Get-TomonGuild | Sort-Object Name | Set-TomonGuildOrder -Confirm:$false
            $names = (Get-TomonGuild).Name
            $names | Should -Be ($names | Sort-Object)
        }

        It 'Id set: keeps unlisted guilds after the listed ones and says so; -PassThru writes the new order' {
            $ids = (Get-TomonGuild).Id
            $order = Set-TomonGuildOrder -Id $ids[3] -Confirm:$false -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
            $order[0].Id | Should -Be $ids[3]
            (Get-TomonGuild)[0].Id | Should -Be $ids[3]
            $warnings.Count | Should -Be 1
        }

        It 'Position set: explicit positions' {
            Set-TomonGuildOrder -Position @{ '121979324558479360' = 1; '77601467623542784' = 0 } -Confirm:$false -WarningAction SilentlyContinue
            (Get-TomonGuild | Select-Object -First 2).Id | Should -Be @('77601467623542784', '121979324558479360')
        }

        It 'Position set: refuses duplicate positions before sending' {
            { Set-TomonGuildOrder -Position @{ '121979324558479360' = 0; '77601467623542784' = 0 } -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'ChatPS.InvalidArgument,*'
            (Get-PatchRequest 'users/@me/guilds').Count | Should -Be 0
        }
    }

    Describe 'Get-TomonDirectChannel' {
        It 'lists the DM channels' {
            $channel = New-TomonDirectChannel -RecipientId 131786267142000000 -Confirm:$false
            $channels = Get-TomonDirectChannel -Connection $script:Connection
            $channels.Id | Should -Contain $channel.Id
            $channels[0] | Should -BeOfType ([ChatPS.Tomon.Models.TomonDirectChannel])
        }
    }

    Describe 'New-TomonDirectChannel' {
        It 'opens a DM channel with users from the pipeline' {
            $channel = [pscustomobject]@{ Id = '77334868412862464' } | New-TomonDirectChannel -Confirm:$false
            $channel.Recipients[0].Username | Should -Be 'alice'
            (Get-TomonDirectChannel).Id | Should -Contain $channel.Id
        }

        It 'opens one group channel for several recipients, and -WhatIf sends nothing' {
            New-TomonDirectChannel -RecipientId 77334868412862464, 131786267142000000 -WhatIf
            (Get-EmulatorRequest $script:Emulator 'users/@me/channels' | Where-Object method -eq 'POST').Count | Should -Be 0
            $group = New-TomonDirectChannel -RecipientId 77334868412862464, 131786267142000000 -Confirm:$false -Connection $script:Connection
            @($group).Count | Should -Be 1
            $group.Recipients.Count | Should -Be 2
        }
    }

    Describe 'Set-TomonGuildSetting' {
        It 'passes settings through; -PassThru writes what the service returned' {
            (Set-TomonGuildSetting -Setting @{ muted = $true } -Confirm:$false -PassThru).muted | Should -BeTrue
        }

        It 'sends nothing with -WhatIf' {
            Set-TomonGuildSetting @{ muted = $false } -WhatIf
            (Get-PatchRequest 'users/@me/guilds/@me/settings').Count | Should -Be 0
        }
    }

    Describe 'Get-TomonInvite' {
        It 'lists this user''s invites' {
            $created = New-TomonInvite -Confirm:$false
            $invites = Get-TomonInvite -Connection $script:Connection
            $invites.Code | Should -Contain $created.Code
            $invites[0] | Should -BeOfType ([ChatPS.Tomon.Models.TomonInvite])
        }
    }

    Describe 'New-TomonInvite' {
        It 'returns this week''s invite again instead of failing' {
            $first = New-TomonInvite -Confirm:$false
            (New-TomonInvite -Confirm:$false -Connection $script:Connection).Code | Should -Be $first.Code
        }

        It 'sends nothing with -WhatIf' {
            New-TomonInvite -WhatIf
            (Get-EmulatorRequest $script:Emulator 'users/@me/tickets' | Where-Object method -eq 'POST').Count | Should -Be 0
        }
    }

    Describe 'Get-TomonStampPack' {
        It 'lists the packs' {
            $packs = Get-TomonStampPack -Connection $script:Connection
            $packs.Name | Should -Contain 'tomon self pack'
            $packs[0] | Should -BeOfType ([ChatPS.Tomon.Models.TomonStampPackEntry])
        }
    }

    Describe 'Add-TomonStampPack' {
        It 'adds packs by id and from the pipeline' {
            Add-TomonStampPack -Id 140000000000000002 -Confirm:$false
            '140000000000000001' | Add-TomonStampPack -Confirm:$false -Connection $script:Connection -ThrottleLimit 2
            (Get-TomonStampPack).PackId | Should -Contain '140000000000000002'
            (Get-TomonStampPack).PackId | Should -Contain '140000000000000001'
        }
    }

    Describe 'Remove-TomonStampPack' {
        It 'removes packs from Get-TomonStampPack' {
            Add-TomonStampPack -Id 140000000000000002 -Confirm:$false
            Get-TomonStampPack | Where-Object PackId -eq '140000000000000002' | Remove-TomonStampPack -Confirm:$false
            (Get-TomonStampPack).PackId | Should -Not -Contain '140000000000000002'
            (Get-EmulatorRequest $script:Emulator 'stamppacks/140000000000000002').method | Should -Be @('PUT', 'DELETE')
        }

        It 'sends nothing with -WhatIf, and a pack not in the collection is an error for that id' {
            Remove-TomonStampPack -Id 140000000000000001 -WhatIf
            (Get-EmulatorRequest $script:Emulator 'stamppacks/140000000000000001').Count | Should -Be 0
            Remove-TomonStampPack -Id 140000000000000009 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].TargetObject | Should -Be '140000000000000009'
        }
    }

    Describe 'Exit-TomonGuild' {
        It 'leaves a guild only when confirmed' {
            Exit-TomonGuild -Id 200000000000000002 -WhatIf
            (Get-EmulatorRequest $script:Emulator '200000000000000002').Count | Should -Be 0
            Get-TomonGuild -Name 'Archive' | Exit-TomonGuild -Confirm:$false -Connection $script:Connection -ThrottleLimit 2
            (Get-TomonGuild).Id | Should -Not -Contain '200000000000000002'
        }
    }

    Describe 'New-TomonReport' {
        It 'files a report with evidence found by wildcard' {
            $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'evidence') -Force
            New-TestImage (Join-Path $folder 'one.png') 3000 | Out-Null
            New-TestImage (Join-Path $folder 'two.png') 5000 | Out-Null
            $report = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'spam' -EvidencePath (Join-Path $folder '*.png') -Confirm:$false
            $report.State | Should -Be 'Pending'
            # Invoke-RestMethod writes a JSON array as one object: parenthesised, it is enumerated.
            $stored = (Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/reports") | Where-Object id -eq $report.Id
            @($stored.files | ForEach-Object length | Sort-Object) | Should -Be @(3000, 5000)
        }

        It 'reports a guild from the pipeline by property name, without evidence' {
            $report = [pscustomobject]@{ TargetId = '200000000000000001' } |
                New-TomonReport -Type Guild -Reason Illegal -Comment 'guild' -MaximumEvidenceSizeMB 4 -Confirm:$false -Connection $script:Connection
            $report.Type | Should -Be 'Guild'
            $report.TargetId | Should -Be '200000000000000001'
        }

        It 'refuses evidence that is not an image, sending nothing' {
            $fake = Join-Path $TestDrive 'fake.png'
            Set-Content -Path $fake -Value 'not an image'
            New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $fake -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ChatPS.Tomon.Evidence.NotAnImage,*'
            $failures[0].TargetObject | Should -Be $fake
            (Get-EmulatorRequest $script:Emulator 'reports').Count | Should -Be 0
        }
    }

    Describe 'Invoke-TomonApi' {
        It 'GET returns the body as objects' {
            (Invoke-TomonApi -Path users/@me -Connection $script:Connection).username | Should -Be 'tomon'
        }

        It 'POST with -Body, and -WhatIf sends nothing' {
            Invoke-TomonApi -Path users/@me/channels -Method POST -Body @{ recipients = @('77334868412862464') } -WhatIf
            (Get-EmulatorRequest $script:Emulator 'users/@me/channels' | Where-Object method -eq 'POST').Count | Should -Be 0
            (Invoke-TomonApi -Path users/@me/channels -Method POST -Body @{ recipients = @('77334868412862464') } -Confirm:$false).recipients[0].id |
                Should -Be '77334868412862464'
        }

        It 'GET with -Query' {
            $null = Invoke-TomonApi -Path users/@me/guilds -Query @{ limit = 10 }
            (Get-EmulatorRequest $script:Emulator 'users/@me/guilds' | Select-Object -Last 1).query | Should -Match 'limit=10'
        }
    }
}
