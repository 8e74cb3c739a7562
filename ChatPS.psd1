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
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('KOOK', 'Tomon', 'Chat', 'Bot', 'Automation', 'API', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/chatps/ChatPS'
            LicenseUri   = 'https://github.com/chatps/ChatPS/blob/main/LICENSE'
            ReleaseNotes = 'Shared HTTP layer (auth, JSON, proactive rate limiting, retries, redacted logging), the KOOK v3 user API and the Tomon /users/@me API.'
        }
    }
}
