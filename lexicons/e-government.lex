# E-government: digital public services and government digital services, e-services, online
# government portals, digital identity and e-signatures, GovTech, e-participation and e-voting.
# (Hyphen and space variants are matched by the tokenizer, so only one form is listed.)
@theme e-government
@label E-government
@description Digital government: digital public services, e-services, government portals, digital identity, GovTech and e-participation.
@lang en ru es

# English
e-gov* | 2
egov*
digital government
electronic government
government digital service*
digital public service* | 2
online public service*
electronic public service*
e-service*
government portal*
citizen portal*
e-administration
public services portal*
digital identit*
digital id
electronic identit*
electronic signature*
digital signature*
govtech
e-participation
e-democracy
e-voting
open government data
digital public infrastructur*
digitali* of public
e-procurement
one-stop shop* | 0.5
re:\bG2[CB]\b | label=G2C/G2B
# e-services of banks are commercial, not government
!bank* e-service*
!banking e-service*

# Russian
электронн* правительств* | 2
цифров* правительств*
цифров* государств*
госуслуг*
государственн* услуг* | 0.5
электронн* государственн* услуг*
цифров* государственн* услуг*
портал* государственн* услуг*
электронн* подпис*
цифров* подпис*
цифров* идентификаци*
цифров* профил*
мфц
гостех*
электронн* голосовани*
электронн* демократи*
межведомственн* электронн* взаимодейств*
цифровизаци* государственн* управлени*
цифров* трансформаци* государственн* управлени*
открыт* данн*
электронн* документооборот*

# Spanish
gobierno electrónico | 2
gobierno digital
administración electrónica
administración digital
servicio* público* digital*
trámite* en línea
trámite* digital*
trámite* electrónico*
firma electrónica
firma digital
identidad digital
ventanilla única
sede electrónica
portal* ciudadan*
participación electrónica
voto electrónico
datos abiertos
gobierno abierto
