#Requires -Version 7.4
# The Gallery round trip, as a user meets it: the built module published with Publish-PSResource, and the .nupkg that
# `dotnet msbuild src/ChatPS.Module/ChatPS.Module.csproj -t:PackModule` builds, each put in a scratch folder
# repository, checked as Find-PSResource shows it, installed with Install-PSResource, imported BY NAME in a new pwsh
# process that calls the emulator, and uninstalled.
#
# Self-contained (it starts its own emulator and shares nothing with the other Pester files). Every PowerShell step
# runs in a child pwsh whose HOME, XDG folders and PSModulePath point into a scratch folder, so no repository
# registration, installed module or cache reaches the real profile. Needs `dotnet build` to have run; builds the
# PackModule package itself when out/ has none newer than the built module.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModuleFolder = Join-Path $script:RepoRoot 'out/ChatPS'
    $script:Manifest = Import-PowerShellDataFile (Join-Path $script:ModuleFolder 'ChatPS.psd1')
    $script:Version = $script:Manifest.ModuleVersion
    # The engine running these tests, as it runs (the dotnet host and pwsh.dll for the .NET tool, else its own
    # executable), so the children have the same PSResourceGet.
    . (Join-Path $script:RepoRoot 'tools/pwsh/EngineCommand.ps1')
    $script:RealUserModules = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'powershell/Modules/ChatPS'
    $script:RealUserModulesExisted = Test-Path $script:RealUserModules

    # Runs $Script in a new pwsh with the scratch profile $Scratch. Values go in through CHATPS_GALLERY_* variables
    # (no quoting), the result comes back as JSON in a file (stdout also carries warnings). Throws with the child's
    # error output when it fails.
    function Invoke-ScratchPwsh {
        param([string] $Scratch, [string] $Script, [hashtable] $Values = @{})
        $resultFile = Join-Path $Scratch ("result-{0}.json" -f [guid]::NewGuid())
        $wrapped = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$result = & { $Script }
ConvertTo-Json -InputObject `$result -Depth 6 | Set-Content -LiteralPath `$env:CHATPS_GALLERY_RESULT -Encoding utf8
"@
        $info = New-EngineStartInfo -Arguments '-NoProfile', '-NonInteractive', '-Command', $wrapped
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.WorkingDirectory = $Scratch
        $info.Environment['HOME'] = Join-Path $Scratch 'home'
        $info.Environment['XDG_DATA_HOME'] = Join-Path $Scratch 'home/.local/share'
        $info.Environment['XDG_CONFIG_HOME'] = Join-Path $Scratch 'home/.config'
        $info.Environment['XDG_CACHE_HOME'] = Join-Path $Scratch 'home/.cache'
        # Only the engine's own modules (PSResourceGet), which are under $PSHOME wherever the engine lives (the
        # tool keeps it in the NuGet tool store); pwsh adds the scratch user scope in front.
        $info.Environment['PSModulePath'] = Join-Path $PSHOME 'Modules'
        $info.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        $info.Environment['CHATPS_GALLERY_RESULT'] = $resultFile
        foreach ($key in $Values.Keys) { $info.Environment["CHATPS_GALLERY_$key"] = [string]$Values[$key] }

        $process = [System.Diagnostics.Process]::Start($info)
        try {
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            $process.WaitForExit()
            if ($process.ExitCode -ne 0 -or -not (Test-Path $resultFile)) {
                throw "child pwsh exited $($process.ExitCode):`n$($stdout.GetAwaiter().GetResult())`n$($stderr.GetAwaiter().GetResult())"
            }
            Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
        }
        finally {
            $process.Dispose()
        }
    }

    function New-ScratchProfile {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("chatps-gallery-{0}" -f [guid]::NewGuid().ToString('n'))
        foreach ($sub in 'home/.local/share', 'home/.config', 'home/.cache', 'repository') {
            $null = New-Item -ItemType Directory -Path (Join-Path $folder $sub) -Force
        }
        $folder
    }

    # The PackModule package, rebuilt when missing or older than the built module (PackModule builds first).
    $script:PackedPackage = Join-Path $script:RepoRoot "out/ChatPS.$($script:Version).nupkg"
    $moduleDll = Get-Item (Join-Path $script:ModuleFolder 'ChatPS.Module.dll')
    if (-not (Test-Path $script:PackedPackage) -or (Get-Item $script:PackedPackage).LastWriteTimeUtc -lt $moduleDll.LastWriteTimeUtc) {
        $output = & dotnet msbuild (Join-Path $script:RepoRoot 'src/ChatPS.Module/ChatPS.Module.csproj') -t:PackModule -v:minimal -nologo 2>&1
        if ($LASTEXITCODE -ne 0) { throw "PackModule failed:`n$($output -join "`n")" }
    }

    # The emulator, on a port it picks (tools/pwsh/Emulator.ps1; it ends with this process).
    . (Join-Path $script:RepoRoot 'tools/pwsh/Emulator.ps1')
    $script:Emulator = Start-ChatPSEmulator -RepoRoot $script:RepoRoot
    $script:EmulatorUri = $script:Emulator.BaseUri
}

AfterAll {
    Stop-ChatPSEmulator $script:Emulator
}

Describe 'Gallery round trip: <Source>' -ForEach @(
    @{ Source = 'Publish-PSResource of out/ChatPS' }
    @{ Source = 'the PackModule .nupkg' }
) {
    BeforeAll {
        $script:Scratch = New-ScratchProfile
        $script:Repository = Join-Path $script:Scratch 'repository'
        if ($Source -like 'Publish-PSResource*') {
            $null = Invoke-ScratchPwsh -Scratch $script:Scratch -Values @{ REPO = $script:Repository; MODULE = $script:ModuleFolder } -Script {
                Register-PSResourceRepository -Name ChatPSScratch -Uri $env:CHATPS_GALLERY_REPO -Trusted
                Publish-PSResource -Path $env:CHATPS_GALLERY_MODULE -Repository ChatPSScratch
                $true
            }.ToString()
        }
        else {
            Copy-Item -LiteralPath $script:PackedPackage -Destination $script:Repository
            $null = Invoke-ScratchPwsh -Scratch $script:Scratch -Values @{ REPO = $script:Repository } -Script {
                Register-PSResourceRepository -Name ChatPSScratch -Uri $env:CHATPS_GALLERY_REPO -Trusted
                $true
            }.ToString()
        }
    }

    AfterAll {
        if ($script:Scratch) { Remove-Item -LiteralPath $script:Scratch -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'puts exactly one ChatPS package of the manifest version in the repository' {
        $packages = @(Get-ChildItem $script:Repository -Filter '*.nupkg')
        $packages.Name | Should -Be "ChatPS.$($script:Version).nupkg"
    }

    It 'shows the version, description, tags, commands and licence through Find-PSResource' {
        $found = Invoke-ScratchPwsh -Scratch $script:Scratch -Script {
            $r = Find-PSResource -Name ChatPS -Repository ChatPSScratch
            [pscustomobject]@{
                Name        = $r.Name
                Version     = $r.Version.ToString()
                Type        = $r.Type.ToString()
                Description = $r.Description
                Tags        = @($r.Tags)
                Cmdlets     = @($r.Includes.Cmdlet)
                LicenseUri  = [string]$r.LicenseUri
                ProjectUri  = [string]$r.ProjectUri
                Author      = $r.Author
            }
        }.ToString()
        $found.Name | Should -Be 'ChatPS'
        $found.Version | Should -Be $script:Version
        $found.Type | Should -Be 'Module'
        $found.Description | Should -Be $script:Manifest.Description
        $found.Author | Should -Be $script:Manifest.Author
        foreach ($tag in $script:Manifest.PrivateData.PSData.Tags) { $found.Tags | Should -Contain $tag }
        $found.Tags | Should -Contain 'PSEdition_Desktop'
        $found.Tags | Should -Contain 'PSEdition_Core'
        @($found.Cmdlets | Sort-Object) | Should -Be @($script:Manifest.CmdletsToExport | Sort-Object)
        $found.LicenseUri | Should -Be $script:Manifest.PrivateData.PSData.LicenseUri
        $found.ProjectUri | Should -Be $script:Manifest.PrivateData.PSData.ProjectUri
    }

    It 'installs with Install-PSResource into the scratch user scope' {
        $installed = Invoke-ScratchPwsh -Scratch $script:Scratch -Script {
            Install-PSResource -Name ChatPS -Repository ChatPSScratch -Scope CurrentUser
            $r = Get-InstalledPSResource -Name ChatPS
            [pscustomobject]@{ Version = $r.Version.ToString(); Location = $r.InstalledLocation }
        }.ToString()
        $installed.Version | Should -Be $script:Version
        $installed.Location | Should -BeLike "$($script:Scratch)*"
        Join-Path $installed.Location "ChatPS/$($script:Version)/dependencies/System.Text.Json.dll" | Should -Exist
    }

    It 'imports by name in a new process, with help, and calls the emulator' {
        $session = Invoke-ScratchPwsh -Scratch $script:Scratch -Values @{ KOOK = "$($script:EmulatorUri)/api/v3" } -Script {
            Import-Module ChatPS
            $module = Get-Module ChatPS
            Connect-Kook -Token (ConvertTo-SecureString 'kook-emulator-token' -AsPlainText -Force) -BaseUri $env:CHATPS_GALLERY_KOOK | Out-Null
            $me = Get-KookUser
            [pscustomobject]@{
                ModuleBase = $module.ModuleBase
                Version    = $module.Version.ToString()
                Commands   = @(Get-Command -Module ChatPS).Count
                Synopsis   = (Get-Help Get-KookUser).Synopsis
                UserId     = [string]$me.Id
                UserName   = [string]$me.Username
            }
        }.ToString()
        $session.ModuleBase | Should -BeLike "$($script:Scratch)*"
        $session.Version | Should -Be $script:Version
        $session.Commands | Should -Be $script:Manifest.CmdletsToExport.Count
        $session.Synopsis | Should -Not -BeNullOrEmpty
        $session.Synopsis | Should -Not -Be 'Get-KookUser'
        $session.UserId | Should -Not -BeNullOrEmpty
        $session.UserName | Should -Not -BeNullOrEmpty
    }

    It 'uninstalls with Uninstall-PSResource' {
        $after = Invoke-ScratchPwsh -Scratch $script:Scratch -Script {
            $location = (Get-InstalledPSResource -Name ChatPS).InstalledLocation
            Uninstall-PSResource -Name ChatPS
            [pscustomobject]@{
                Remaining = @(Get-InstalledPSResource -Name ChatPS -ErrorAction SilentlyContinue).Count
                Folder    = Test-Path (Join-Path $location 'ChatPS')
                Available = @(Get-Module -ListAvailable ChatPS).Count
            }
        }.ToString()
        $after.Remaining | Should -Be 0
        $after.Folder | Should -BeFalse
        $after.Available | Should -Be 0
    }
}

Describe 'Isolation' {
    It 'left the real user module folder as it found it' {
        Test-Path $script:RealUserModules | Should -Be $script:RealUserModulesExisted
    }
}
