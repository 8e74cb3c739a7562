<#
.SYNOPSIS
    The README tour against a fresh emulator: what ChatPS is for, run end to end without a token.
.DESCRIPTION
    Starts the built emulator on a free port, imports the built module and runs the tour step by step, printing what a
    person sees (tables, lists, the error record of an unknown id, -WhatIf lines). Stops the emulator at the end.
    Exits 0 when every step did what it shows; otherwise names the step that failed and exits 1.
    `./build.ps1 -Task Demo` builds first and runs this in a fresh engine.
#>
[CmdletBinding()]
param(
    # The module manifest to import; default: the build's out/ChatPS/ChatPS.psd1.
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $ModulePath) { $ModulePath = Join-Path $root 'out/ChatPS/ChatPS.psd1' }
. (Join-Path $PSScriptRoot 'Emulator.ps1')

$script:StepNumber = 0
$script:Emulator = $null
$work = Join-Path ([IO.Path]::GetTempPath()) ('chatps-demo-' + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $work

# A step prints its title, runs, and throws with its title when it fails, so the exit names what went wrong.
function Step {
    param([string] $Title, [scriptblock] $Body)
    $script:StepNumber++
    Write-Host ''
    Write-Host "── $($script:StepNumber). $Title" -ForegroundColor Cyan
    try { & $Body }
    catch { throw [System.Exception]::new("step $($script:StepNumber) ($Title) failed: $($_.Exception.Message)", $_.Exception) }
}


function Get-Requests { param([string] $Path) @(Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/requests?path=$([uri]::EscapeDataString($Path))") }

$exitCode = 0
try {
    Step 'Start the emulator on a free loopback port' {
        $script:Emulator = Start-ChatPSEmulator -RepoRoot $root
        Write-Host "KOOK  base URI: $($script:Emulator.Kook)"
        Write-Host "Tomon base URI: $($script:Emulator.Tomon)"
    }

    Step 'Import the module' {
        Import-Module $ModulePath -Force
        Get-Module ChatPS | Format-Table Name, Version, @{ Name = 'Commands'; Expression = { $_.ExportedCmdlets.Count } } | Out-Host
    }

    Step 'Connect to KOOK (bot token) and Tomon (bot token, exchanged at sign-in)' {
        $kook = ConvertTo-SecureString 'kook-emulator-token' -AsPlainText -Force
        $tomon = ConvertTo-SecureString 'tomon-emulator-token' -AsPlainText -Force
        Connect-Kook -Token $kook -BaseUri $script:Emulator.Kook -PassThru | Format-List | Out-Host
        Connect-Tomon -BotToken $tomon -BaseUri $script:Emulator.Tomon -PassThru | Format-List | Out-Host
        Write-Host 'Get-KookUser (the bot itself):'
        Get-KookUser | Out-Host
    }

    Step 'KOOK users from a CSV, one of them unknown' {
        $csv = Join-Path $work 'members.csv'
        Set-Content -Path $csv -Encoding utf8 -Value @(
            'UserId,Team'
            '1000000001,ops'
            '1000000002,ops'
            '1999999999,contractors'
            '2418200000,bots'
        )
        Write-Host "Import-Csv members.csv | Get-KookUser -GuildId 9000000000000001   (1999999999 does not exist)"
        $users = @(Import-Csv $csv | Get-KookUser -GuildId 9000000000000001 -ErrorVariable lookupErrors -ErrorAction SilentlyContinue)
        $users | Format-Table | Out-Host
        Write-Host 'The unknown id is an error record; the other users came out:'
        foreach ($record in $lookupErrors) {
            $record | Out-Host
            # An error record always formats as an error; its parts are shown through a plain object.
            [pscustomobject]@{
                FullyQualifiedErrorId = $record.FullyQualifiedErrorId
                Category              = $record.CategoryInfo.Category
                TargetObject          = $record.TargetObject
            } | Format-List | Out-Host
        }
        if ($users.Count -ne 3) { throw "expected 3 users, got $($users.Count)" }
        if (@($lookupErrors).Count -ne 1 -or $lookupErrors[0].FullyQualifiedErrorId -notlike 'ChatPS.Kook.40000*') {
            throw "expected one ChatPS.Kook.40000 error record, got: $(@($lookupErrors | ForEach-Object FullyQualifiedErrorId) -join ', ')"
        }
        Write-Host 'Export-Csv of the same objects:'
        $users | Select-Object Id, Username, Nickname, @{ Name = 'Roles'; Expression = { $_.Roles -join ';' } } |
            ConvertTo-Csv -NoTypeInformation | Out-Host
    }

    Step "The bot's online status, and a toggle" {
        Get-KookBotOnlineStatus | Out-Host
        Set-KookBotOffline -Confirm:$false
        $offline = Get-KookBotOnlineStatus
        Write-Host 'After Set-KookBotOffline:'
        $offline | Out-Host
        Set-KookBotOnline -Confirm:$false
        $online = Get-KookBotOnlineStatus
        Write-Host 'After Set-KookBotOnline:'
        $online | Out-Host
        if ($offline.Online -or -not $online.Online) { throw "the toggle did not take: offline=$($offline.Online) online=$($online.Online)" }
    }

    Step 'The Tomon guild list, and a reorder by name with -WhatIf' {
        $guilds = @(Get-TomonGuild)
        $guilds | Out-Host
        Write-Host 'Get-TomonGuild | Sort-Object Name | Set-TomonGuildOrder -WhatIf'
        $guilds | Sort-Object Name | Set-TomonGuildOrder -WhatIf
        $sent = @(Get-Requests '/api/v1/users/@me/guilds' | Where-Object method -eq 'PATCH')
        if ($guilds.Count -eq 0) { throw 'no guild came back' }
        if ($sent.Count -ne 0) { throw "-WhatIf sent $($sent.Count) request(s)" }
    }

    Step 'A report with an evidence image' {
        $png = Join-Path $work 'screenshot.png'
        [IO.File]::WriteAllBytes($png, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='))
        Write-Host "New-TomonReport -TargetId 77334868412862464 -Reason Harassment -EvidencePath $png"
        New-TomonReport -TargetId 77334868412862464 -Reason Harassment -Comment 'ChatPS demo' -EvidencePath $png -Confirm:$false | Format-List | Out-Host
        $received = @(Invoke-RestMethod "$($script:Emulator.BaseUri)/_emulator/reports")
        Write-Host 'What the service received:'
        $received | ForEach-Object { $_.files } | Format-Table | Out-Host
        if ($received.Count -ne 1) { throw "the emulator holds $($received.Count) reports" }
    }

    Step 'Anything else: Invoke-KookApi with the same auth, rate limits and errors' {
        Write-Host 'Invoke-KookApi user/view -Query @{ user_id = 1000000003 } -Verbose'
        $carol = Invoke-KookApi user/view -Query @{ user_id = '1000000003' } -Verbose
        $carol | Format-List id, username, identify_num, online, bot | Out-Host
        if ($carol.id -ne '1000000003') { throw "Invoke-KookApi returned $($carol.id)" }
    }

    Write-Host ''
    Write-Host "Demo finished: $($script:StepNumber) steps, all as shown." -ForegroundColor Green
}
catch {
    Write-Host ''
    Write-Host "Demo failed at $($_.Exception.Message)" -ForegroundColor Red
    $exitCode = 1
}
finally {
    if (Get-Module ChatPS) {
        Disconnect-Kook
        Disconnect-Tomon
    }
    Stop-ChatPSEmulator $script:Emulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
exit $exitCode
