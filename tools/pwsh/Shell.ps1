<#
.SYNOPSIS
    The start of `./build.ps1 -Task Shell`'s interactive session: the built module imported, both platforms connected
    to the emulator the build task started, and a few commands to try.
.DESCRIPTION
    Run by the Shell task as `pwsh -NoExit -File Shell.ps1 ...`, so the session stays open afterwards. The emulator
    belongs to the build task, which stops it when this session ends.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorUri
)

Import-Module $ModulePath
$kookBase = "$EmulatorUri/api/v3"
$tomonBase = "$EmulatorUri/api/v1"
# The emulator's seeded tokens: nothing here is a real credential.
Connect-Kook -Token (ConvertTo-SecureString 'kook-emulator-token' -AsPlainText -Force) -BaseUri $kookBase
Connect-Tomon -BotToken (ConvertTo-SecureString 'tomon-emulator-token' -AsPlainText -Force) -BaseUri $tomonBase

Write-Host @"

ChatPS $((Get-Module ChatPS).Version), connected to the ChatPS emulator (no real service, no real token):
  KOOK  base URI: $kookBase
  Tomon base URI: $tomonBase
  What arrived:   Invoke-RestMethod $EmulatorUri/_emulator/requests | Format-Table method, path, status

Try:
  Get-KookUser                                              # the bot itself
  '1000000001', '1000000002', '1999999999' | Get-KookUser -GuildId 9000000000000001
  Get-KookBotOnlineStatus; Set-KookBotOffline -WhatIf
  Get-TomonGuild | Sort-Object Name | Set-TomonGuildOrder -WhatIf
  Get-TomonStampPack; Get-TomonInvite
  Invoke-KookApi user/view -Query @{ user_id = 1000000003 } -Verbose
  Get-Command -Module ChatPS; Get-Help Get-KookUser -Examples

Type 'exit' to leave; the emulator stops with this session.
"@

# The prompt says which services this session talks to.
function global:prompt { "[ChatPS emulator] PS $($executionContext.SessionState.Path.CurrentLocation)$('>' * ($nestedPromptLevel + 1)) " }
