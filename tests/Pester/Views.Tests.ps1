#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What a person sees: the default views the format file promises, no internal member on any object, and fields the
# service sent that a model does not declare shown once, after the declared ones.

BeforeDiscovery {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $format = [xml](Get-Content -Raw (Join-Path $repo 'ChatPS.format.ps1xml'))
    $script:Views = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        $labels = if ($view.TableControl) { @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object Label) }
        else { @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem | ForEach-Object { if ($_.Label) { $_.Label } else { $_.PropertyName } }) }
        @{ TypeName = $view.ViewSelectedBy.TypeName; Labels = $labels; Kind = if ($view.TableControl) { 'Table' } else { 'List' } }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:Emulator = Start-TestEmulator
    $script:Kook = Connect-Kook -Token (ConvertTo-TestSecret $script:KookTokenText) -BaseUri $script:Emulator.Kook -PassThru
    $script:Tomon = Connect-Tomon -BotToken (ConvertTo-TestSecret $script:TomonBotTokenText) -BaseUri $script:Emulator.Tomon -PassThru
    $null = Add-TomonStampPack -Id 140000000000000001 -Confirm:$false
    $null = New-TomonDirectChannel -RecipientId 77334868412862464 -Confirm:$false
    $null = New-TomonInvite -Confirm:$false
    $evidence = Join-Path $TestDrive 'shot.png'
    $bytes = [byte[]]::new(256)
    ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)).CopyTo($bytes, 0)
    [System.IO.File]::WriteAllBytes($evidence, $bytes)

    # One object of every output type, as the cmdlets write them.
    $script:Samples = @{
        'ChatPS.Kook.Models.KookUser'             = Get-KookUser -Id 1000000001 -GuildId 9000000000000001
        'ChatPS.Kook.Models.KookOnlineStatus'     = Get-KookBotOnlineStatus
        'ChatPS.KookConnection'                   = $script:Kook
        'ChatPS.TomonConnection'                  = $script:Tomon
        'ChatPS.Tomon.Models.TomonUser'           = Get-TomonUser
        'ChatPS.Tomon.Models.TomonGuild'          = Get-TomonGuild | Select-Object -First 1
        'ChatPS.Tomon.Models.TomonDirectChannel'  = Get-TomonDirectChannel | Select-Object -First 1
        'ChatPS.Tomon.Models.TomonInvite'         = Get-TomonInvite | Select-Object -First 1
        'ChatPS.Tomon.Models.TomonStampPackEntry' = Get-TomonStampPack | Select-Object -First 1
        'ChatPS.Tomon.Models.TomonGuildSettings'  = Set-TomonGuildSetting -GuildId 77601467623542784 -Muted -PassThru -Confirm:$false
        'ChatPS.Tomon.Models.TomonReport'         = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'views' -EvidencePath $evidence -Confirm:$false
    }
    $script:Internal = 'AdditionalProperties', 'ExtensionData', 'OnDeserialized', 'Token', 'Password', 'Limiter', 'Pipeline'
}

AfterAll {
    Disconnect-Kook
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
}

Describe 'Default views' {
    It 'the <Kind> view of <TypeName> shows the columns the format file promises' -ForEach $Views {
        $type = $TypeName
        $sample = $script:Samples.Keys | Where-Object { $type -eq $_ -or $type -like "*.$($_.Split('.')[-1])" } | Select-Object -First 1
        if (-not $sample) {
            $sample = $script:Samples.Keys | Where-Object { $_.Split('.')[-1] -eq $type.Split('.')[-1] } | Select-Object -First 1
        }
        $sample | Should -Not -BeNullOrEmpty -Because "every view needs an object to show ($type)"
        $object = $script:Samples[$sample]
        $object.PSObject.TypeNames | Should -Contain $type
        # 80 columns: the width of a redirected or default console, where a too-wide view drops its last columns.
        $text = $object | Out-String -Width 80
        foreach ($label in $Labels) { $text | Should -Match ([regex]::Escape($label)) -Because "$type's view has $label" }
        if ($Kind -eq 'Table') {
            $header = ($text -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
            $header.Trim() | Should -Match ('^' + [regex]::Escape($Labels[0]))
        }
    }

    It 'shows every date of every view one way: yyyy-MM-dd HH:mm in UTC, marked Z' {
        # The guild table, invites and stamp packs used to show three formats (issue 21); the full value stays on the object.
        foreach ($type in 'ChatPS.Tomon.Models.TomonGuild', 'ChatPS.Tomon.Models.TomonInvite', 'ChatPS.Tomon.Models.TomonStampPackEntry') {
            $object = $script:Samples[$type]
            $dates = @($object.PSObject.Properties | Where-Object { $_.Value -is [DateTimeOffset] })
            $dates | Should -Not -BeNullOrEmpty -Because "$type has a date to show"
            $text = $object | Out-String -Width 80
            foreach ($date in $dates) {
                $text | Should -Match ([regex]::Escape($date.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", [cultureinfo]::InvariantCulture))) -Because "$type shows $($date.Name)"
            }
            $text | Should -Not -Match '\d{2}/\d{2}/\d{4}|[+-]\d\d:\d\d\b' -Because "$type shows no culture-dependent date or offset"
        }
    }

    It 'has no always-empty column first in the guild table' {
        $lines = @(Get-TomonGuild | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0].Trim() | Should -Match '^Id\s+Name'
        $lines[2].Trim() | Should -Match '^\d+'
    }
}

Describe 'No internal member on any object' {
    It '<_> shows no internal member through Get-Member, Format-List *, Export-Csv or ConvertTo-Json' -ForEach @(
        'ChatPS.Kook.Models.KookUser', 'ChatPS.Kook.Models.KookOnlineStatus', 'ChatPS.Tomon.Models.TomonUser', 'ChatPS.Tomon.Models.TomonGuild',
        'ChatPS.Tomon.Models.TomonDirectChannel', 'ChatPS.Tomon.Models.TomonInvite', 'ChatPS.Tomon.Models.TomonStampPackEntry', 'ChatPS.Tomon.Models.TomonReport',
        'ChatPS.Tomon.Models.TomonGuildSettings', 'ChatPS.KookConnection', 'ChatPS.TomonConnection') {
        $object = $script:Samples[$_]
        $members = ($object | Get-Member -Force).Name
        foreach ($name in $script:Internal) { $members | Should -Not -Contain $name -Because "$_ must not show $name" }
        $list = $object | Format-List * | Out-String
        $list | Should -Not -Match '(?m)^(AdditionalProperties|ExtensionData)\s*:'
        $csv = ($object | ConvertTo-Csv -NoTypeInformation) -join "`n"
        $csv | Should -Not -Match 'System\.Collections\.Generic\.Dictionary'
        $csv | Should -Not -Match 'AdditionalProperties'
        $json = $object | ConvertTo-Json -Depth 5
        $json | Should -Not -Match 'AdditionalProperties'
        $json | Should -Not -Match ([regex]::Escape($script:KookTokenText))
        $json | Should -Not -Match ([regex]::Escape($script:TomonSessionText))
    }

    It 'has no OnDeserialized method on a model' {
        (Get-KookUser | Get-Member -MemberType Method -Force).Name | Should -Not -Contain 'OnDeserialized'
    }
}

Describe 'Fields the model does not declare' {
    BeforeAll {
        # A reply with two fields the model does not declare, through the emulator's Reply fault.
        $body = @{
            code = 0; message = ''; data = [ordered]@{
                id = '1000000042'; username = 'zed'; identify_num = '4242'; online = $true; status = 0; bot = $false
                extra_badge = [ordered]@{ color = '#FF0000'; text = 'beta' }; future_flags = @(1, 2)
            }
        } | ConvertTo-Json -Depth 5 -Compress
        Reset-Emulator $script:Emulator
        Add-EmulatorFault $script:Emulator -Method GET -Path '/api/v3/user/view' -Kind Reply -Status 200 -Body $body
        $script:Zed = Get-KookUser -Id 1000000042
    }

    It 'shows them as properties' {
        $script:Zed.ExtraBadge.color | Should -Be '#FF0000'
        $script:Zed.FutureFlags | Should -Be @(1, 2)
        $script:Zed | Should -BeOfType ([ChatPS.Kook.Models.KookUser])
    }

    It 'lists them once, after the declared properties' {
        $names = @($script:Zed.PSObject.Properties.Name)
        $declared = @([ChatPS.Kook.Models.KookUser].GetProperties().Name)
        $names[0..($declared.Count - 1)] | Should -Be $declared
        $names[$declared.Count..($names.Count - 1)] | Should -Be @('ExtraBadge', 'FutureFlags')
    }

    It 'exports them once, after the declared columns' {
        $header = ($script:Zed | ConvertTo-Csv -NoTypeInformation)[0] -replace '"', '' -split ','
        $header[0] | Should -Be 'Id'
        $header[-2..-1] | Should -Be @('ExtraBadge', 'FutureFlags')
        @($header | Where-Object { $_ -eq 'ExtraBadge' }).Count | Should -Be 1
    }

    It 'writes each of them once in JSON' {
        $json = $script:Zed | ConvertTo-Json -Depth 5
        ([regex]::Matches($json, '"ExtraBadge"')).Count | Should -Be 1
        ([regex]::Matches($json, '#FF0000')).Count | Should -Be 1
        ($json | ConvertFrom-Json).ExtraBadge.text | Should -Be 'beta'
    }

    It 'shows them in Format-List * after the declared ones' {
        $lines = ($script:Zed | Format-List * | Out-String) -split "`r?`n" | Where-Object { $_ -match '^\w+\s*:' }
        ($lines[-2] -split ':')[0].Trim() | Should -Be 'ExtraBadge'
        ($lines[-1] -split ':')[0].Trim() | Should -Be 'FutureFlags'
    }
}
