# Smart cities and sustainable infrastructure: smart city platforms, urban digital twins, smart
# transport and mobility, smart grids and metering, IoT in cities, energy efficiency, green data
# centres, sustainable urban development.
@theme smart-cities
@label Smart cities and sustainable infrastructure
@description Smart cities and sustainable urban infrastructure: digital twins, smart transport, smart grids, IoT, energy efficiency and green data centres.
@lang en ru es

# English
smart cit* | 2
sustainable cit*
smart urban*
smart infrastructur*
sustainable infrastructur*
sustainable urban*
digital twin*
urban mobility
smart mobility
smart transport*
intelligent transport*
traffic management
smart grid*
smart meter*
smart lighting
smart street*
smart parking
smart building*
smart water
smart waste
green data cent*
green infrastructur*
energy efficien*
energy-saving
carbon footprint
internet of things
sensor network*
urban data
safe city system*
safe city project*
urban planning | 0.5
renewable energy | 0.5
re:\bIoT\b | label=IoT
re:\bIIoT\b | label=IIoT
# digital twins of patients or organs (medicine) are not urban
!re:\bdigital\s+twins?\s+of\s+(?:the\s+|a\s+)?(?:patients?|humans?|persons?|body|organs?|hearts?)\b
!smart water bottle*

# Russian
умн* город* | 2
умн* транспорт*
интеллектуальн* транспортн* систем*
цифров* двойник*
устойчив* инфраструктур*
устойчив* городск*
устойчив* развити* город*
энергоэффективн*
энергосбере*
интернет вещей
умн* сет*
умн* освещени*
умн* здани*
городск* мобильност*
урбанистик*
цифровизаци* городск* хозяйств*
цифровизаци* жкх
# зелёные ЦОД / дата-центры (ё or е)
re:зел[её]н[а-яё]*\s+(?:цод|дата-центр) | label="зелёный ЦОД"
# digital twins of patients (medicine) are not urban
!цифров* двойник* пациент*
!цифров* двойник* человек*

# Spanish
ciudad* inteligente* | 2
ciudad* sostenible*
gemelo* digital*
infraestructura* sostenible*
desarrollo urbano sostenible
movilidad urbana
movilidad inteligente
transporte inteligente
gestión del tráfico
eficiencia energética
internet de las cosas
red* eléctrica* inteligente*
alumbrado inteligente
iluminación inteligente
edificio* inteligente*
centro* de datos verde*
centro* de datos sostenible*
planificación urbana | 0.5
