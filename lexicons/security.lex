# Security: information security and cybersecurity - secure communications, data protection,
# privacy, encryption, cyber threats and attacks. Not physical, social, food, energy or border
# security. Decision: the UN Security Council (and national security councils) are excluded -
# they signal geopolitics, not infosec; a Council discussion of cyber threats is still caught by
# the specific cyber/infosec terms.
@theme security
@label Information security
@description Cybersecurity and information security: secure communications, data protection, privacy, encryption and cyber threats.
@lang en ru es

# English
cybersecur* | 2
cyber secur*
information security | 2
infosec
data protection
data security
personal data
privacy
encrypt*
cryptograph*
secure communication*
network security
ict security
cyberattack*
cyber attack*
cyberthreat*
cyber threat*
cybercrim*
cyber crim*
cyber defen*
cyber resilien*
cyber incident*
cyber hygiene
malware
ransomware
phishing
hacker*
data breach*
data leak*
two-factor authentication
multi-factor authentication
intrusion detection
firewall*
critical infrastructure protection
gdpr
# bare "security" is very broad: weak signal, with the unrelated senses excluded below
security | 0.5
# "IT security": IT in capitals only
re:\b(?-i:IT)\s+security\b | label="IT security"
re:\bDDoS\b | label=DDoS
!security deposit*
!social security
!security council
!food security
!energy security
!job security
!border security
!security guard*
!security forces

# Russian
кибербезопасност* | 2
информационн* безопасност*
безопасност* данных
безопасност* | 0.5
защит* данных
защит* информаци*
персональн* данн*
конфиденциальност*
шифрова*
криптограф*
киберугроз*
кибератак*
киберпреступн*
киберзащит*
компьютерн* атак*
утечк* данных
вредоносн* программ*
хакер*
фишинг*
# защищённая связь / защищённые каналы (ё or е)
re:защищ[её]нн[а-яё]*\s+(?:связ|канал|коммуникац|соединени) | label="защищённая связь"
# безопасность also means safety; Совет Безопасности = Security Council
!совет* безопасност*
!продовольственн* безопасност*
!энергетическ* безопасност*
!пожарн* безопасност*
!промышленн* безопасност*
!экологическ* безопасност*
!транспортн* безопасност*
!безопасност* дорожн* движени*

# Spanish
# (bare "seguridad" is not listed: it is mostly physical/public safety)
ciberseguridad | 2
seguridad de la información
seguridad informática
seguridad digital
protección de datos
datos personales
privacidad
encripta*
cifrado de datos
cifrado de extremo a extremo
criptogr*
comunicaciones seguras
ciberataque*
ciberamenaza*
ciberdeli*
filtración de datos
brecha* de seguridad
software malicioso
