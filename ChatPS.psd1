@{
    RootModule           = 'ChatPS.Module.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'a3cf7f28-4a2b-4b4c-b2bb-9397091fb6cd'
    Author               = 'ChatPS contributors'
    CompanyName          = 'ChatPS'
    Copyright            = '(c) ChatPS contributors. All rights reserved.'
    Description          = 'Drive the KOOK v3 and Tomon user APIs from PowerShell with compiled cmdlets that return real .NET objects: rate-limit aware, retrying safely, never leaking tokens.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # Loaded before ChatPS.types.ps1xml, which names the models and their adapter (ChatPS.Module.ApiModelAdapter).
    RequiredAssemblies   = @('ChatPS.dll', 'ChatPS.Module.dll')
    TypesToProcess       = @('ChatPS.types.ps1xml')
    FormatsToProcess     = @('ChatPS.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Kook'
        'Disconnect-Kook'
        'Get-KookUser'
        'Set-KookBotOnline'
        'Set-KookBotOffline'
        'Get-KookBotOnlineStatus'
        'Invoke-KookApi'
        'Connect-Tomon'
        'Disconnect-Tomon'
        'Get-TomonUser'
        'Set-TomonUser'
        'Get-TomonGuild'
        'Set-TomonGuildOrder'
        'Exit-TomonGuild'
        'Get-TomonDirectChannel'
        'New-TomonDirectChannel'
        'Set-TomonGuildSetting'
        'Get-TomonInvite'
        'New-TomonInvite'
        'Get-TomonStampPack'
        'Add-TomonStampPack'
        'Remove-TomonStampPack'
        'New-TomonReport'
        'Invoke-TomonApi'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('KOOK', 'Tomon', 'Chat', 'Bot', 'Automation', 'API', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/chatps/ChatPS'
            LicenseUri   = 'https://github.com/chatps/ChatPS/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: cmdlets for every KOOK v3 user endpoint and the Tomon /users/@me family; proactive rate limiting, safe retries, redacted verbose logging, format views and help.'
        }
    }
}
