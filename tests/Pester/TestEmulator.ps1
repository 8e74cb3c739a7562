# Shared by the *.Tests.ps1 files: starts the ChatPS emulator on a free loopback port (tools/pwsh/Emulator.ps1: port 0,
# the port it took read from its first line; it ends with this process) and imports the built module. Requires
# `dotnet build` to have run (it assembles out/ChatPS and builds the emulator).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
. (Join-Path $script:RepoRoot 'tools/pwsh/EngineCommand.ps1')
. (Join-Path $script:RepoRoot 'tools/pwsh/Emulator.ps1')
$script:KookTokenText = 'kook-emulator-token'
$script:TomonBotTokenText = 'tomon-emulator-token'
$script:TomonSessionText = 'tomon-emulator-session'
$script:TomonPasswordText = 'tomon-password'

function Start-TestEmulator {
    param([string[]] $ArgumentList = @())
    Start-ChatPSEmulator -RepoRoot $script:RepoRoot -ArgumentList (@('--synthetic-users', '1000') + $ArgumentList)
}

function Stop-TestEmulator {
    param($Emulator)
    Stop-ChatPSEmulator $Emulator
}

function Get-EmulatorRequest {
    param($Emulator, [string] $Path)
    @(Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/requests?path=$([uri]::EscapeDataString($Path))")
}

function Reset-Emulator {
    param($Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/reset"
}

function Get-EmulatorStat {
    param($Emulator)
    Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/stats"
}

# A fault rule for the next matching request(s); -Body/-Status for Reply, -Seconds for Stall and Trickle; -Headers,
# -BodyBase64 (bytes that are not UTF-8 text) and -ContentType for Reply; -Size for GzipBomb.
function Add-EmulatorFault {
    param($Emulator, [string] $Method = '*', [string] $Path, [string] $Kind, [int] $Count = 1, [int] $Status = 200,
        [string] $Body, [double] $Seconds = 1, [hashtable] $Headers, [string] $BodyBase64, [string] $ContentType, [long] $Size)
    $rule = @{ method = $Method; path = $Path; kind = $Kind; count = $Count; status = $Status; seconds = $Seconds }
    if ($PSBoundParameters.ContainsKey('Body')) { $rule.body = $Body }
    if ($Headers) { $rule.headers = $Headers }
    if ($BodyBase64) { $rule.body_base64 = $BodyBase64 }
    if ($ContentType) { $rule.content_type = $ContentType }
    if ($Size) { $rule.size = $Size }
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/faults" -ContentType 'application/json' -Body ($rule | ConvertTo-Json)
}

function Clear-EmulatorFault {
    param($Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.BaseUri)/_emulator/faults"
}

function ConvertTo-TestSecret {
    param([string] $Text)
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

Import-Module (Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1') -Force
