# Infrastructure: IT and digital infrastructure - data centres, telecom and mobile networks,
# broadband, fibre, 5G, cloud and computing capacity, connectivity, digital platforms.
# Transport, road and social infrastructure are excluded (not digital).
@theme infrastructure
@label Digital infrastructure
@description IT and digital infrastructure such as data centres, networks, broadband, fibre, 5G, cloud and connectivity.
@lang en ru es

# English
digital infrastructur* | 2
ict infrastructur*
network infrastructur*
communications infrastructur*
computing infrastructur*
cloud infrastructur*
# bare "infrastructure" may be roads or pipelines: weak signal
infrastructur* | 0.5
telecom*
data centre*
data center*
datacent*
broadband
connectivity
optical fib*
cloud computing
cloud platform*
cloud service*
cloud solution*
cloud-based
edge computing
computing power
computing capacit*
supercomput*
high-performance computing
internet access
internet penetration
submarine cable*
undersea cable*
satellite internet
satellite communication*
mobile network*
backbone network*
internet exchange*
digital platform*
# "IT infrastructure": IT in capitals only
re:\b(?-i:IT)\s+infrastructures?\b | label="IT infrastructure"
re:\b[4-6]G\b | label=4G/5G/6G
re:\bfib(?:re|er)[- ]?optic(?:s|al)?\b | label="fibre optics"
re:\bfib(?:re|er)\s+(?:networks?|broadband|connections?|lines?|links?|cables?|rollout)\b | label="fibre networks"
re:\bFTT[HXBCP]\b | label=FTTH/FTTx
re:\bwi-?fi\b | label=Wi-Fi
re:\bHPC\b | label=HPC
!air connectivity
!flight connectivity
!road infrastructur*
!rail infrastructur*
!transport infrastructur*
!social infrastructur*

# Russian
цифров* инфраструктур* | 2
ит-инфраструктур*
it-инфраструктур*
информационн* инфраструктур*
инфраструктур* | 0.5
телеком*
цод*
центр* обработки данных
дата-центр*
широкополосн*
оптоволок*
волоконно-оптическ*
сет* связи
мобильн* связ*
спутников* связ*
облачн* технолог*
облачн* сервис*
облачн* платформ*
облачн* вычислени*
облачн* решени*
вычислительн* мощност*
суперкомпьютер*
подводн* кабел*
доступ* к интернет*
цифров* платформ*
связност*
!транспортн* инфраструктур*
!дорожн* инфраструктур*
!железнодорожн* инфраструктур*
!социальн* инфраструктур*

# Spanish
# (telecomunicaciones and supercomputadora are already matched by the English stems telecom* and supercomput*)
infraestructura digital | 2
infraestructur* | 0.5
infraestructura tecnológica
infraestructura de ti
centro* de datos
centro* de procesamiento de datos
banda ancha
fibra óptica
conectividad
computación en la nube
en la nube
nube* pública*
nube* híbrida*
red* móvil*
cable* submarino*
acceso a internet
internet satelital
capacidad* de cómputo
capacidad* computacional*
plataforma* digital*
redes de fibra
punto* de intercambio de internet
!infraestructura* vial*
!infraestructura* de transporte
!infraestructura* social*
