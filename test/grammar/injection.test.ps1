# SYNTAX TEST "source.powershell" "lync-pic injection: Cs cmdlets, their parameters and documented values"
# Runs with vscode-tmgrammar-test against the PowerShell grammar of the tm-grammars package (npm run test:grammar).

New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -IconUrl https://images.edge.messenger.live.com/Messenger_16x16.png -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -Enabled $true -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true
# <-------------------- support.function.cmdlet.lync-pic
#                    ^^^^^^^^^ variable.parameter.lync-pic
#                              ^^^^^ string.unquoted.documented.lync-pic
#                                    ^^^^^^^^^^ variable.parameter.lync-pic
#                                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.documented.lync-pic
#                                                                            ^^^^^^^^ variable.parameter.lync-pic
#                                                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.documented.lync-pic
#                                                                                                                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                                                                                                                                                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.documented.lync-pic
#                                                                                                                                                                                                                                                                  ^^^^^^^^ variable.parameter.lync-pic
#                                                                                                                                                                                                                                                                           ^^^^^ constant.language.powershell
#                                                                                                                                                                                                                                                                                 ^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                                                                                                                                                                                                                                                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic

New-CsPublicProvider -ProxyFqdn federation.messenger.msn.com -Enabled 1 -Identity Skype  -VerificationLevel 2 -IconUrl "https://images.edge.messenger.live.com/Messenger_16x16.png"
#                                                                                        ^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                                                                           ^ constant.numeric.integer.powershell
#                                                                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.documented.lync-pic

new-cspublicprovider -identity 'Skype' -verificationlevel alwaysverifiable `
# <-------------------- support.function.cmdlet.lync-pic
#                    ^^^^^^^^^ variable.parameter.lync-pic
#                              ^^^^^^^ string.quoted.single.documented.lync-pic
#                                      ^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                         ^^^^^^^^^^^^^^^^ constant.language.enum.lync-pic
    -Enabled:$false -WhatIf
#   ^^^^^^^^ variable.parameter.lync-pic
#           ^ punctuation.separator.colon.lync-pic
#                   ^^^^^^^ variable.parameter.lync-pic

Get-CsPublicProvider -Identity Skype -ErrorAction SilentlyContinue | Remove-CsPublicProvider -Confirm:$false
# <-------------------- support.function.cmdlet.lync-pic
#                                    ^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                 ^^^^^^^^^^^^^^^^ constant.language.enum.lync-pic
#                                                                  ^ - meta.command.lync-pic
#                                                                    ^^^^^^^^^^^^^^^^^^^^^^^ support.function.cmdlet.lync-pic
#                                                                                            ^^^^^^^^ variable.parameter.lync-pic

Set-CsAccessEdgeConfiguration -UseDnsSrvRouting –EnablePartnerDiscovery $True
# <----------------------------- support.function.cmdlet.lync-pic
#                             ^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                               ^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic

if (Get-CsPublicProvider -Identity Skype) { Remove-CsPublicProvider -Identity Skype }
#   ^^^^^^^^^^^^^^^^^^^^ support.function.cmdlet.lync-pic
#                                           ^^^^^^^^^^^^^^^^^^^^^^^ support.function.cmdlet.lync-pic
#                                                                                   ^ - meta.command.lync-pic

Get-CsUser -Identity sip:someone@contoso.com
# <---------- support.function.cmdlet.lync-pic
#          ^^^^^^^^^ - variable.parameter.lync-pic

Write-Host -Enabled -ProxyFqdn federation.messenger.msn.com
# <---------- - support.function.cmdlet.lync-pic
#          ^^^^^^^^ - variable.parameter.lync-pic
#                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - string.unquoted.documented.lync-pic

New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -NotAParameter x -Enabled 2
#                                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^ - string.unquoted.documented.lync-pic
#                                                                           ^^^^^^^^^^^^^^ - variable.parameter.lync-pic

Set-CsPublicProvider -Identity Skype -Enabled $true # -ProxyFqdn New-CsPublicProvider
#                                                     ^^^^^^^^^^ - variable.parameter.lync-pic
#                                                                ^^^^^^^^^^^^^^^^^^^^ comment.line.powershell - support.function.cmdlet.lync-pic

Write-Host "New-CsPublicProvider -Enabled $true"
#           ^^^^^^^^^^^^^^^^^^^^ - support.function.cmdlet.lync-pic

$New-CsPublicProvider = 1; .\New-CsPublicProvider.ps1
#^^^^^^^^^^^^^^^^^^^^ - support.function.cmdlet.lync-pic
#                                                ^^^^ - support.function.cmdlet.lync-pic

Set-CsExternalAccessPolicy Global -EnablePublicCloudAccess $true -EnablePublicCloudAudioVideoAccess $true
# <-------------------------- support.function.cmdlet.lync-pic
#                                 ^^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.lync-pic

Set-CsMediaConfiguration -EncryptionLevel SupportEncryption
#                        ^^^^^^^^^^^^^^^^ variable.parameter.lync-pic
#                                         ^^^^^^^^^^^^^^^^^ constant.language.enum.lync-pic
