# Digital sovereignty: national/technological/data sovereignty, strategic autonomy, self-reliance
# and independence from foreign technology, vendors and standards. Scope: the digital/technology
# sense only; fiscal senses (sovereign debt, bonds, ratings, wealth funds) are excluded.
@theme sovereignty
@label Digital sovereignty
@description National control over digital infrastructure, data and technology, and independence from foreign technology and standards.
@lang en ru es

# English
digital sovereign* | 2
technological sovereign* | 2
data sovereign*
technology sovereign*
tech sovereign*
cyber sovereign*
information sovereign*
internet sovereign*
sovereign internet
sovereign cloud*
sovereign technolog*
sovereign digital
sovereign development
sovereign solution*
sovereign ai
# bare "sovereign"/"sovereignty" is often purely political (territorial sovereignty): weak signal
sovereign* | 0.5
strategic autonomy
digital autonomy
technological autonomy
technological independence
technology independence
digital independence
self-reliance
self-reliant
technological self-sufficien*
digital self-determination
indigenous technolog*
domestic technolog*
homegrown technolog*
home-grown technolog*
technological dependen*
dependen* on foreign technolog*
dependen* on foreign software
dependen* on foreign vendor*
dependen* on foreign standards
dependen* on western technolog*
dependen* on western standards
reliance on foreign technolog*
autonomous digital ecosystem*
digital colonialism
data colonialism
# "sovereign IT (solutions)": IT in capitals only, so that "sovereign it" (pronoun) does not count
re:\bsovereign\s+(?-i:IT)\b | label="sovereign IT"
# data localisation (keeping data in the country) is a sovereignty measure, not product localisation
re:\bdata\s+locali[sz]ation\b | label="data localisation"
# fiscal / legal senses of "sovereign"
!sovereign debt
!sovereign wealth fund*
!sovereign bond*
!sovereign rating*
!sovereign credit
!sovereign risk
!sovereign immunity

# Russian
цифров* суверенитет* | 2
технологическ* суверенитет*
суверенитет* данных
информационн* суверенитет*
# bare суверенитет / суверенный: often purely political, weak signal
суверен* | 0.5
суверенн* технолог*
суверенн* облак*
суверенн* интернет*
суверенн* развити*
суверенн* решени*
суверенн* цифров*
технологическ* независимост*
технологическ* самостоятельност*
технологическ* самодостаточност*
цифров* независимост*
технологическ* зависимост*
зависимост* от иностранн* технолог*
зависимост* от иностранн* поставщик*
зависимост* от зарубежн* технолог*
зависимост* от западн*
стратегическ* автономи*
отечественн* технолог*
локализаци* данных
цифров* колониализм*
!суверенн* долг*
!суверенн* фонд*
!суверенн* рейтинг*
!суверенн* облигаци*

# Spanish
soberanía digital | 2
soberanía tecnológica
soberanía de datos
soberanía de los datos
tecnolog* soberan*
nube* soberana*
desarrollo soberano
autonomía tecnológica
autonomía digital
autonomía estratégica
independencia tecnológica
independencia digital
dependencia tecnológica
autosuficiencia tecnológica
localización de datos
tecnolog* propia*
colonialismo digital
