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

    It 'documents every parameter' {
        $help = Get-Help Get-KookUser -Full
        $help.Parameters.Parameter.Name | Should -Contain 'Id'
        $help.Parameters.Parameter.Name | Should -Contain 'GuildId'
        $help.Parameters.Parameter.Name | Should -Contain 'Connection'
    }

    It 'ships the about topic' {
        Test-Path (Join-Path $script:RepoRoot 'out/ChatPS/en-US/about_ChatPS.help.txt') | Should -BeTrue
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
