#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
}

Describe 'The ChatPS module' {
    It 'imports and exports the 24 cmdlets of the manifest' {
        $commands = Get-Command -Module ChatPS
        $commands.Count | Should -Be 24
        $manifest = Import-PowerShellDataFile (Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1')
        ($commands.Name | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in Get-Command -Module ChatPS) {
            $command.OutputType.Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }

    It 'has help with a synopsis and an example for every cmdlet' {
        foreach ($command in Get-Command -Module ChatPS) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            $help.Synopsis | Should -Not -Match '^\s*\w+-\w+ \[' -Because "$($command.Name) should have written help, not generated syntax"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }

    It 'documents every parameter of <_> in Get-Help -Full, with inputs, outputs and examples' -ForEach @(
        'Connect-Kook', 'Disconnect-Kook', 'Get-KookUser', 'Set-KookBotOnline', 'Set-KookBotOffline', 'Get-KookBotOnlineStatus', 'Invoke-KookApi',
        'Connect-Tomon', 'Disconnect-Tomon', 'Get-TomonUser', 'Set-TomonUser', 'Get-TomonGuild', 'Set-TomonGuildOrder', 'Exit-TomonGuild',
        'Get-TomonDirectChannel', 'New-TomonDirectChannel', 'Set-TomonGuildSetting', 'Get-TomonInvite', 'New-TomonInvite', 'Get-TomonStampPack',
        'Add-TomonStampPack', 'Remove-TomonStampPack', 'New-TomonReport', 'Invoke-TomonApi') {
        $help = Get-Help $_ -Full
        $documented = @($help.Parameters.Parameter)
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameter = $documented | Where-Object Name -eq $name
            $parameter | Should -Not -BeNullOrEmpty -Because "$_ -$name needs help"
            ($parameter.Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "$_ -$name needs a description"
        }
        $text = $help | Out-String -Width 200
        $text | Should -Match '(?m)^INPUTS'
        $text | Should -Match '(?m)^OUTPUTS'
        $text | Should -Match 'Example 1'
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
        @($help.inputTypes.inputType).Count | Should -BeGreaterThan 0
    }

    It 'has well-formed related links on every cmdlet' {
        foreach ($command in Get-Command -Module ChatPS) {
            foreach ($link in @((Get-Help $command.Name -Full).relatedLinks.navigationLink)) {
                $link.linkText | Should -Not -BeNullOrEmpty -Because $command.Name
                if ($link.uri) {
                    [uri]::IsWellFormedUriString($link.uri, 'Absolute') | Should -BeTrue -Because "$($command.Name) links to $($link.uri)"
                    $link.uri | Should -Match '^https?://'
                }
                else {
                    # A topic or command named by its text alone, which Get-Help must find.
                    { Get-Help $link.linkText -ErrorAction Stop } | Should -Not -Throw -Because "$($command.Name) links to $($link.linkText)"
                }
            }
        }
        $related = (Get-Help Get-KookUser -Full | Out-String -Width 200) -split 'RELATED LINKS' | Select-Object -Last 1
        $related | Should -Match 'about_ChatPS'
        $related | Should -Not -Match 'about_ChatPS\.help\.txt'
    }

    It 'ships the about topic, which Get-Help finds' {
        Test-Path (Join-Path $script:RepoRoot 'out/ChatPS/en-US/about_ChatPS.help.txt') | Should -BeTrue
        $about = Get-Help about_ChatPS
        ($about | Out-String) | Should -Match 'ChatPS'
        ($about | Out-String) | Should -Match 'Connect-Kook'
    }

    It 'supports -WhatIf on every state-changing cmdlet' {
        foreach ($name in 'Set-KookBotOnline', 'Set-KookBotOffline', 'Set-TomonUser', 'Set-TomonGuildOrder', 'Exit-TomonGuild',
            'New-TomonDirectChannel', 'Set-TomonGuildSetting', 'New-TomonInvite', 'Add-TomonStampPack', 'Remove-TomonStampPack',
            'New-TomonReport', 'Invoke-KookApi', 'Invoke-TomonApi') {
            (Get-Command $name).Parameters.ContainsKey('WhatIf') | Should -BeTrue -Because $name
        }
    }

    It 'asks before leaving a guild' {
        $type = (Get-Command Exit-TomonGuild).ImplementingType
        $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'fails clearly when not connected' {
        Disconnect-Kook
        { Get-KookUser -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Kook.NotConnected,*'
        Disconnect-Tomon
        { Get-TomonGuild -ErrorAction Stop } | Should -Throw -ErrorId 'ChatPS.Tomon.NotConnected,*'
    }
}
