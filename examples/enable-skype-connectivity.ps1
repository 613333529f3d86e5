# Sample: connect a Skype for Business Server deployment to Skype users (public IM connectivity).
# Written the way such scripts often are, with the mistakes lync-pic is made to catch.
# Run `node dist/cli.js lint examples/` to see them.

# Remove the old Messenger provider first.
Remove-CsPublicProvider -Identity Messenger

# A one-letter typo in the ProxyFqdn, and no name-decoration routing domain.
New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -IconUrl https://images.edge.messenger.live.com/Messenger_16x16.png `
    -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -Enabled true

# A parameter that Set-CsPublicProvider does not have.
Set-CsPublicProvider -Identity Skype -EnableSkypeIdRouting $true

Get-CsPublicProvider -Identity Skype
