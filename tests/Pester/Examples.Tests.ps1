#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every example in docs/cmdlets/*.md and every PowerShell block of the README and docs/*.md runs as written against the emulator
# (its base URI and tokens substituted, prompts answered) and does what its text says.

BeforeDiscovery {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:DocExamples = foreach ($file in Get-ChildItem (Join-Path $repo 'docs/cmdlets') -Filter '*.md' | Sort-Object Name) {
        $text = Get-Content -Raw $file.FullName
        $section = ($text -split '(?m)^## EXAMPLES\s*$')[1] -split '(?m)^## PARAMETERS\s*$' | Select-Object -First 1
        foreach ($match in [regex]::Matches($section, '(?s)### (?<title>[^\r\n]+)\r?\n```powershell\r?\n(?<code>.*?)```')) {
            @{ Name = "$($file.BaseName): $($match.Groups['title'].Value)"; Code = $match.Groups['code'].Value }
        }
    }
    # A PowerShell block of the README or of a page in docs/ (the user's guide the README links to) runs in the session
    # as an example does, unless a marker before it says otherwise:
    # `<!-- readme-test: skip (why) -->` (it cannot run against the emulator, e.g. a Gallery install), or
    # `<!-- readme-test: recipe file.ps1 -->` (a file of a recipe, run together with the recipe's other files).
    $pages = @(Get-Item (Join-Path $repo 'README.md')) + @(Get-ChildItem (Join-Path $repo 'docs') -Filter '*.md' -File | Sort-Object Name)
    $blocks = foreach ($page in $pages) {
        $index = 0
        $relative = [IO.Path]::GetRelativePath($repo, $page.FullName).Replace('\', '/')
        foreach ($match in [regex]::Matches((Get-Content -Raw $page.FullName), '(?s)(?:<!--\s*readme-test:\s*(?<mode>skip|recipe)\s+(?<arg>[^\r\n]*?)\s*-->\s*\r?\n)?```powershell\r?\n(?<code>.*?)```')) {
            $index++
            @{ Name = "$relative block $index"; Code = $match.Groups['code'].Value; Mode = $match.Groups['mode'].Value; Argument = $match.Groups['arg'].Value }
        }
    }
    $script:ReadmeBlocks = @($blocks | Where-Object { -not $_.Mode })
    $script:ReadmeSkipped = @($blocks | Where-Object { $_.Mode -eq 'skip' })
    $script:ReadmeRecipe = @($blocks | Where-Object { $_.Mode -eq 'recipe' })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Work = Join-Path $TestDrive 'examples'
    $null = New-Item -ItemType Directory $script:Work -Force

    # The files the examples read.
    function Write-MembersCsv {
        param([string[]] $Id)
        $Id | ForEach-Object { [pscustomobject]@{ UserId = $_ } } | Export-Csv (Join-Path $script:Work 'members.csv') -NoTypeInformation
    }
    Write-MembersCsv '1000000001', '1999999999', '1000000002'
    Set-Content (Join-Path $script:Work 'packs.txt') -Value '140000000000000001', '140000000000000002'
    $evidence = New-Item -ItemType Directory (Join-Path $script:Work 'evidence') -Force
    foreach ($name in 'one.png', 'two.png') {
        $bytes = [byte[]]::new(1024)
        ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)).CopyTo($bytes, 0)
        [System.IO.File]::WriteAllBytes((Join-Path $evidence $name), $bytes)
    }

    # What a person would type at the prompts the examples show.
    function Read-Host {
        param([Parameter(Position = 0)] [object] $Prompt, [switch] $AsSecureString, [switch] $MaskInput)
        $answer = switch -Wildcard ("$Prompt") {
            'KOOK*' { $script:KookTokenText }
            'Tomon*' { $script:TomonBotTokenText }
            'Password' { $script:TomonPasswordText }
            default { throw "Unexpected prompt '$Prompt' in an example." }
        }
        if ($AsSecureString) { ConvertTo-TestSecret $answer } else { $answer }
    }
    function Get-Credential {
        param([string] $UserName, [string] $Message, [Parameter(Position = 0)] $Credential)
        [pscredential]::new($UserName, (ConvertTo-TestSecret $script:TomonPasswordText))
    }
    function Get-Secret {
        param([string] $Name, [switch] $AsPlainText)
        $script:KookTokenText
    }

    # The emulator serves the KOOK user endpoints only; guild/list (the example of "an endpoint ChatPS has no
    # command for") is answered with a reply of the real service's shape.
    function Add-GuildListReply {
        Add-EmulatorFault $script:Emulator -Method GET -Path '/api/v3/guild/list' -Kind Reply -Status 200 -Count 5 `
            -Body '{"code":0,"message":"操作成功","data":{"items":[{"id":"9000000000000001","name":"ChatPS Lab","master_id":"364862"}],"meta":{"page":1,"page_count":1,"page_size":50,"total":1},"sort":{}}}'
    }

    # The example as a user would run it here: the emulator instead of the services, the built module.
    function ConvertTo-RunnableExample {
        param([string] $Code)
        $code = $Code -replace 'http://127\.0\.0\.1:5380', $script:Emulator.BaseUri
        $code = $code -replace 'Import-Module (ChatPS|\./out/ChatPS/ChatPS\.psd1)\b', ("Import-Module '{0}'" -f (Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'))
        # Up to the end of the command: a pipe, a semicolon, the end of the line or a comment (a # that starts a token;
        # the one in 'tomon#1234' does not).
        [regex]::Replace($code, 'Connect-(Kook|Tomon)\b(?:[^\r\n|;#]|(?<=\S)#)*', {
                param($match)
                if ($match.Value -match '-BaseUri') { return $match.Value }
                $base = if ($match.Groups[1].Value -eq 'Kook') { $script:Emulator.Kook } else { $script:Emulator.Tomon }
                $match.Value.TrimEnd() + " -BaseUri $base "
            })
    }

    function Invoke-Example {
        param([string] $Code, [scriptblock] $Setup)
        # The connections every example but the connect ones assumes, and the variables they name.
        $token = ConvertTo-TestSecret $script:KookTokenText
        $other = ConvertTo-TestSecret $script:TomonBotTokenText
        $password = ConvertTo-TestSecret $script:TomonPasswordText
        $null = Connect-Kook -Token $token -BaseUri $script:Emulator.Kook
        $null = Connect-Tomon -BotToken $other -BaseUri $script:Emulator.Tomon
        if ($Setup) { $null = & $Setup }
        Reset-Emulator $script:Emulator
        Add-GuildListReply
        $ConfirmPreference = 'None'
        $block = [scriptblock]::Create((ConvertTo-RunnableExample $Code))
        Push-Location $script:Work
        try {
            $all = @(& $block *>&1)
        }
        finally {
            Pop-Location
            Remove-Item Env:\CHATPS_KOOK_TOKEN -ErrorAction SilentlyContinue
        }
        [pscustomobject]@{
            Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] -and
                    $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] -and $_ -isnot [System.Management.Automation.DebugRecord] })
            Errors   = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            Verbose  = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            Text     = ($all | Out-String)
            Requests = @(Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/requests" | ForEach-Object { $_ })
        }
    }

    function Get-ApiRequest {
        param($Result, [string] $Method, [string] $Path)
        @($Result.Requests | Where-Object { $_.method -eq $Method -and $_.path -like "*/$Path" })
    }

    # The state an example's text assumes (a user removes a pack they have).
    $script:Setups = @{
        'Remove-TomonStampPack: Example 1: Remove a pack' = { Add-TomonStampPack -Id 140000000000000001 -Confirm:$false }
        'Get-TomonStampPack: Example 2: Remove every pack but one' = { Add-TomonStampPack -Id 140000000000000002 -Confirm:$false }
    }

    # What each example's text says it does.
    $script:Checks = @{
        'Add-TomonStampPack: Example 1: Add a pack'                              = { param($r) (Get-ApiRequest $r PUT 'stamppacks/140000000000000001').Count | Should -Be 1; (Get-TomonStampPack).PackId | Should -Contain '140000000000000001' }
        'Add-TomonStampPack: Example 2: Add several from a file'                 = { param($r) (Get-ApiRequest $r PUT 'stamppacks/*').Count | Should -Be 2 }
        'Connect-Kook: Example 1: Connect with a token typed at the prompt'      = { param($r) (Get-ApiRequest $r GET 'user/me').Count | Should -Be 1; $r.Errors | Should -BeNullOrEmpty }
        'Connect-Kook: Example 2: Connect a scheduled task from the environment' = { param($r) $r.Text | Should -Match 'ChatPS Emulator Bot#1670'; $r.Text | Should -Not -Match $script:KookTokenText }
        'Connect-Kook: Example 3: Connect to the local emulator'                 = { param($r) (Get-ApiRequest $r GET 'user/me').Count | Should -Be 1; $r.Errors | Should -BeNullOrEmpty }
        'Connect-Tomon: Example 1: Sign in with a bot token'                     = { param($r) (Get-ApiRequest $r POST 'auth/login').Count | Should -Be 1; $r.Errors | Should -BeNullOrEmpty }
        'Connect-Tomon: Example 2: Sign in with a name and password'             = { param($r) (Get-ApiRequest $r POST 'auth/login').Count | Should -Be 1; $r.Errors | Should -BeNullOrEmpty }
        'Connect-Tomon: Example 3: Connect to the local emulator'                = { param($r) $r.Output[0].UserName | Should -Be 'tomon#1234'; $r.Output[0].IsConnected | Should -BeTrue }
        'Disconnect-Kook: Example 1: Disconnect the current connection'          = { param($r) { Get-KookUser -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.NotConnected,*' }
        'Disconnect-Kook: Example 2: Close a connection kept in a variable'      = { param($r) $r.Output[0].Id | Should -Be '364862'; $r.Errors | Should -BeNullOrEmpty }
        'Disconnect-Tomon: Example 1: Disconnect'                                = { param($r) { Get-TomonUser -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Tomon.NotConnected,*' }
        'Disconnect-Tomon: Example 2: Close a specific connection'               = { param($r) $r.Output[0].IsConnected | Should -BeFalse; { Get-TomonUser -Connection $r.Output[0] -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Tomon.NotConnected,*' }
        'Exit-TomonGuild: Example 1: Leave a guild'                              = { param($r) (Get-ApiRequest $r DELETE 'guilds/200000000000000002').Count | Should -Be 1 }
        'Exit-TomonGuild: Example 2: Leave every archive guild without prompts'  = { param($r) (Get-TomonGuild -Name 'Archive*') | Should -BeNullOrEmpty; $r.Errors | Should -BeNullOrEmpty }
        'Get-KookBotOnlineStatus: Example 1: Check the bot'                      = { param($r) $r.Text | Should -Match 'Online'; $r.Text | Should -Match 'OnlineOs' }
        'Get-KookBotOnlineStatus: Example 2: Alert when offline'                 = { param($r) $r.Warnings.Count | Should -Be ([int](-not (Get-KookBotOnlineStatus).Online)) }
        'Get-KookUser: Example 1: Get the bot''s own account'                    = { param($r) $r.Text | Should -Match 'ClientId\s+:'; $r.Text | Should -Match 'Username\s+: ChatPS Emulator Bot' }
        'Get-KookUser: Example 2: Look up users from a CSV'                      = {
            param($r)
            $rows = Import-Csv (Join-Path $script:Work 'members-resolved.csv')
            $rows.Id | Should -Be @('1000000001', '1000000002')
            $rows[0].Roles | Should -Be '113;114'
            $r.Errors.Count | Should -Be 1
            $r.Errors[0].TargetObject | Should -Be '1999999999'
        }
        'Get-KookUser: Example 3: Find banned accounts'                          = { param($r) $r.Output.Id | Should -Be @('1000000010') }
        'Get-TomonDirectChannel: Example 1: List DM channels'                    = { param($r) $r.Errors | Should -BeNullOrEmpty; (Get-ApiRequest $r GET 'users/@me/channels').Count | Should -Be 1 }
        'Get-TomonDirectChannel: Example 2: Channels with unread messages'       = { param($r) $r.Errors | Should -BeNullOrEmpty; $r.Output | ForEach-Object { $_.UnreadCount | Should -BeGreaterThan 0 } }
        'Get-TomonGuild: Example 1: List guilds'                                 = { param($r) $r.Output.Count | Should -BeGreaterThan 1; $r.Text | Should -Match 'Automation Lab' }
        'Get-TomonGuild: Example 2: Filter by name'                              = { param($r) $r.Output.Name | Should -Be @('Automation Lab') }
        'Get-TomonGuild: Example 3: Guilds owned by the signed-in user'          = { param($r) $r.Output.Count | Should -BeGreaterThan 0; $r.Output.OwnerId | Should -Be (@($r.Output).ForEach{ '132700396123668480' }) }
        'Get-TomonInvite: Example 1: List invites'                               = { param($r) $r.Errors | Should -BeNullOrEmpty; @($r.Requests | Where-Object path -like '*users/@me/tickets').Count | Should -Be 1 }
        'Get-TomonInvite: Example 2: Who joined'                                 = { param($r) $r.Errors | Should -BeNullOrEmpty }
        'Get-TomonStampPack: Example 1: List packs'                              = { param($r) $r.Text | Should -Match 'tomon self pack' }
        'Get-TomonStampPack: Example 2: Remove every pack but one'               = { param($r) (Get-TomonStampPack).Name | Should -Be @('tomon self pack'); (Get-ApiRequest $r DELETE 'stamppacks/*').Count | Should -BeGreaterThan 0 }
        'Get-TomonUser: Example 1: Show the profile'                             = { param($r) $r.Text | Should -Match 'FullName\s+: tomon#1234'; $r.Text | Should -Match 'Email\s+:' }
        'Get-TomonUser: Example 2: As JSON'                                      = { param($r) ($r.Output -join "`n" | ConvertFrom-Json).FullName | Should -Be 'tomon#1234' }
        'Invoke-KookApi: Example 1: Look up a user'                              = { param($r) $r.Output[0].username | Should -Be 'alice' }
        'Invoke-KookApi: Example 2: Call an endpoint ChatPS has no command for'  = { param($r) $r.Output[0].items[0].name | Should -Be 'ChatPS Lab'; ($r.Verbose.Message -join "`n") | Should -Match 'GET guild/list\S* -> 200' }
        'Invoke-KookApi: Example 3: Post a body'                                 = { param($r) (Get-ApiRequest $r POST 'user/offline').Count | Should -Be 1; $r.Errors | Should -BeNullOrEmpty }
        'Invoke-TomonApi: Example 1: Read the profile'                           = { param($r) $r.Output[0].username | Should -Be 'tomon' }
        'Invoke-TomonApi: Example 2: Call with a body'                           = { param($r) $r.Output[0].recipients[0].id | Should -Be '77334868412862464' }
        'New-TomonDirectChannel: Example 1: Open a DM'                           = { param($r) $r.Output[0].Recipients.Id | Should -Be @('77334868412862464') }
        'New-TomonDirectChannel: Example 2: A group DM'                          = { param($r) @($r.Output).Count | Should -Be 1; $r.Output[0].Recipients.Count | Should -Be 2 }
        'New-TomonInvite: Example 1: Get an invite code'                         = { param($r) $r.Output[0] | Should -BeOfType ([string]); (Get-TomonInvite).Code | Should -Contain $r.Output[0] }
        'New-TomonInvite: Example 2: Preview'                                    = { param($r) (Get-ApiRequest $r POST 'users/@me/tickets').Count | Should -Be 0 }
        'New-TomonReport: Example 1: Report a spammer'                           = { param($r) $r.Output[0].State | Should -Be 'Pending'; $r.Output[0].Reason | Should -Be 'Spam' }
        'New-TomonReport: Example 2: Report with screenshots'                    = {
            param($r)
            $stored = (Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/reports") | Where-Object id -eq $r.Output[0].Id
            @($stored.files | ForEach-Object file_name | Sort-Object) | Should -Be @('one.png', 'two.png')
        }
        'New-TomonReport: Example 3: Report a guild'                             = { param($r) $r.Requests | Should -BeNullOrEmpty; $r.Output | Should -BeNullOrEmpty }
        'Remove-TomonStampPack: Example 1: Remove a pack'                        = { param($r) (Get-ApiRequest $r DELETE 'stamppacks/140000000000000001').Count | Should -Be 1 }
        'Remove-TomonStampPack: Example 2: Remove by pipeline'                   = { param($r) (Get-ApiRequest $r DELETE 'stamppacks/*').Count | Should -Be 0 }
        'Set-KookBotOffline: Example 1: Take the bot offline for maintenance'    = { param($r) $r.Output[0].Online | Should -BeFalse }
        'Set-KookBotOffline: Example 2: Preview'                                 = { param($r) (Get-ApiRequest $r POST 'user/offline').Count | Should -Be 0 }
        'Set-KookBotOnline: Example 1: Bring the bot online and check'           = { param($r) $r.Output[0].Online | Should -BeTrue }
        'Set-KookBotOnline: Example 2: Only when it is offline'                  = { param($r) (Get-KookBotOnlineStatus).Online | Should -BeTrue }
        'Set-TomonGuildOrder: Example 1: Sort the sidebar by name'               = { param($r) $names = (Get-TomonGuild).Name; $names | Should -Be ($names | Sort-Object) }
        'Set-TomonGuildOrder: Example 2: Put two guilds on top'                  = { param($r) (Get-TomonGuild | Select-Object -First 2).Id | Should -Be @('200000000000000003', '77601467623542784') }
        'Set-TomonGuildOrder: Example 3: Explicit positions'                     = { param($r) $r.Requests | Where-Object method -ne GET | Should -BeNullOrEmpty }
        'Set-TomonUser: Example 1: Change the e-mail address'                    = { param($r) $r.Output[0].Email | Should -Be 'ops@example.com' }
        'Set-TomonUser: Example 2: Preview a discriminator change'               = { param($r) $r.Requests | Where-Object method -ne GET | Should -BeNullOrEmpty }
        'Set-TomonUser: Example 3: Rename the account'                           = { param($r) $r.Output[0].Name | Should -Be 'Ops Bot'; $r.Output[0].Username | Should -Be 'opsbot' }
        'Set-TomonGuildSetting: Example 1: Mute every guild you are in'         = {
            param($r)
            $r.Output.Count | Should -BeGreaterThan 1
            $r.Output.Muted | Should -Not -Contain $false
            (Get-ApiRequest $r PATCH 'users/@me/guilds/*/settings').Count | Should -Be $r.Output.Count
        }
        'Set-TomonGuildSetting: Example 2: Only mentions, but every message in one channel' = { param($r) (Get-ApiRequest $r PATCH 'users/@me/guilds/77601467623542784/settings').Count | Should -Be 1 }
        'Set-TomonGuildSetting: Example 3: Direct-message settings and other keys' = { param($r) $r.Requests | Where-Object method -ne GET | Should -BeNullOrEmpty }
    }
}

AfterAll {
    Disconnect-Kook
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Examples in docs/cmdlets' {
    It '<Name> runs and does what it says' -ForEach $DocExamples {
        $script:Checks.ContainsKey($Name) | Should -BeTrue -Because "every example needs a check of what its text says ($Name)"
        $result = Invoke-Example $Code $script:Setups[$Name]
        if ($Name -notmatch 'Get-KookUser: Example 2') {
            $result.Errors | Should -BeNullOrEmpty -Because ($result.Errors | Out-String)
        }
        & $script:Checks[$Name] $result
    }
}

Describe 'PowerShell blocks of the README and docs' {
    BeforeAll {
        Write-MembersCsv '1000000001', '1000000002'
    }

    It '<Name> runs' -ForEach $ReadmeBlocks {
        if ($Code -match 'CHATPS_KOOK_TOKEN') { $env:CHATPS_KOOK_TOKEN = $script:KookTokenText }
        $result = Invoke-Example $Code
        $result.Errors | Should -BeNullOrEmpty -Because ($result.Errors | Out-String)
        if ($Code -match 'Export-Csv resolved.csv') {
            $rows = Import-Csv (Join-Path $script:Work 'resolved.csv')
            $rows.Id | Should -Be @('1000000001', '1000000002')
            $rows.Roles | Should -Not -Match 'System\.'
            $rows[0].Roles | Should -Be '113;114'
            (Get-ApiRequest $result POST 'users/@me/reports').Count | Should -Be 1
            (Get-ApiRequest $result DELETE 'guilds/*').Count | Should -Be 0
        }
        if ($Code -match 'CHATPS_KOOK_TOKEN') { (Get-KookBotOnlineStatus).Online | Should -BeTrue }
        if ($Code -match '_emulator/requests') { $result.Text | Should -Match 'auth/login' }
    }
}

Describe 'README and docs blocks the session cannot run' {
    It '<Name> says why it is not run' -ForEach $ReadmeSkipped {
        $Argument | Should -Match '^\(.{10,}\)$'
    }

    It 'the emulator recipe runs as written, with its own Pester tests passing' -Skip:($ReadmeRecipe.Count -eq 0 -or $IsWindows) {
        $recipe = Join-Path $TestDrive 'recipe'
        $bin = Join-Path $TestDrive 'bin'
        $null = New-Item -ItemType Directory $recipe, $bin -Force
        foreach ($block in $ReadmeRecipe) { Set-Content -Path (Join-Path $recipe $block.Argument) -Value $block.Code }
        # What the recipe assumes installed: Pester (the one running this suite, which may come from the NuGet cache
        # rather than a module folder), chatps-emulator on PATH (the built emulator; exec keeps its process id,
        # so the recipe's Stop-Process stops the emulator itself) and ChatPS importable by name (the built module).
        $dll = Get-ChildItem (Join-Path $script:RepoRoot 'tools/ChatPS.Emulator/bin') -Recurse -Filter 'ChatPS.Emulator.dll' |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
        $shim = Join-Path $bin 'chatps-emulator'
        Set-Content -Path $shim -Value "#!/bin/sh`nexec dotnet '$($dll.FullName)' `"`$@`""
        chmod +x $shim
        $tests = Join-Path $recipe ($ReadmeRecipe.Argument | Where-Object { $_ -like '*.Tests.ps1' } | Select-Object -First 1)
        $run = "`$env:PATH = '$bin' + [IO.Path]::PathSeparator + `$env:PATH; " +
            "`$env:PSModulePath = '$(Join-Path $script:RepoRoot 'out')' + [IO.Path]::PathSeparator + `$env:PSModulePath; " +
            "Import-Module '$((Get-Module Pester).Path)'; " +
            "`$r = Invoke-Pester -Path '$tests' -PassThru -Output None; `"`$(`$r.PassedCount) passed, `$(`$r.FailedCount) failed`""
        $output = Invoke-Engine -NoProfile -NonInteractive -Command $run 2>&1 | Out-String
        $output | Should -Match '(?m)^[1-9]\d* passed, 0 failed' -Because $output
    }
}

