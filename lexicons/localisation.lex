# Localisation: adapting technology, software, products, content and services to national needs,
# local languages and national characteristics, and local production. British and American
# spellings. Data localisation (a sovereignty measure) and the positioning/medical senses of
# "localised" are excluded.
@theme localisation
@label Localisation
@description Localisation of technology, software, products, content and services to national needs, local languages and local production.
@lang en ru es

# English
localisation*
localization*
localise*
localize*
localising
localizing
local production
local manufactur*
local assembly
locally produc*
locally manufactur*
locally develop*
local content
local language*
indigenous language*
national language*
native language* | 0.5
adapt* to local
adapt* to national
tailored to local
tailored to national
local adaptation
local customi*
local version*
local needs
national needs
local specifics
national specifics
national characteristics
cultural* adapt*
cultural sensitivity | 0.5
translat* into local
# localisation of a named object (both spellings)
re:\b(?:technology|technological|software|product|content|language|service)\s+locali[sz]ation\b | 2 label="technology localisation"
re:\blocali[sz]ation\s+of\s+(?:technolog\w*|software|products?|content|services?|production|manufacturing)\b | 2 label="localisation of technology"
re:\b(?:l10n|g11n)\b | label=l10n/g11n
# data localisation belongs to the sovereignty theme
!re:\bdata\s+locali[sz]ation\b
# medical, weather and positioning senses
!re:\blocali[sz](?:ed|ing|ation)\s+(?:flood\w*|rain\w*|storms?|pain|infections?|outbreaks?|tumou?rs?|cancers?)\b
!re:\b(?:indoor|outdoor|sound|source|robot|gps|fault|object)\s+locali[sz]ation\b

# Russian
локализаци*
локализова*
локализу*
локализаци* технолог* | 2
локализаци* производств*
локальн* производств*
местн* производств*
локальн* контент*
местн* контент*
местн* язык*
национальн* язык*
перевод* на местн*
перевод* на национальн*
адаптаци* к местн*
адаптаци* к национальн*
адаптаци* под местн*
адаптаци* под национальн*
адаптирова* к местн*
адаптирова* под национальн*
национальн* особенност*
национальн* специфик*
местн* специфик*
национальн* потребност*
местн* потребност*
# data localisation -> sovereignty; localising a fire, outbreak, spill or pain
!локализаци* данных
!локализаци* пожар*
!локализова* пожар*
!локализаци* очаг*
!локализова* очаг*
!локализаци* разлив*
!локализаци* бол*

# Spanish
# bare "localización" also means "location", so only specific phrases are listed
localización de tecnolog* | 2
localización tecnológica
localización de software
localización de contenido*
localización de producto*
localización de la producción
localización lingüística
producción local
fabricación local
contenido* local*
idioma* local*
lengua* local*
lengua* indígena*
idioma* nacional*
adaptación local
adaptación cultural
necesidades nacionales
necesidades locales
particularidad* nacional*
especificidad* nacional*
produc* localmente
fabrica* localmente
desarrolla* localmente
