# Technology export: technology transfer, high-tech and IT exports, export of software and digital
# solutions, export potential, import substitution (replacing imported technology with domestic
# products), digital attaches and technology diplomacy promoting technology abroad.
@theme tech-export
@label Technology export and transfer
@description Technology transfer, high-tech and IT exports, export of digital solutions and import substitution.
@lang en ru es

# English
technology transfer* | 2
transfer of technolog*
tech transfer
technology export*
export* of technolog*
tech export*
high-tech export*
hi-tech export*
high-technology export*
software export*
export* of software
ict export*
digital export*
export* of digital
technological export*
export* of high-tech
export* of ict
technolog* abroad
import substitut* | 2
import replacement
export potential | 0.5
technology licens*
domestic software
replac* foreign software
replac* foreign technolog*
digital attach*
tech diplomacy
technology diplomacy
export* of it solution*
# "IT exports", "IT outsourcing": IT in capitals only
re:\b(?-i:IT)\s+(?:exports?|exporters?|outsourcing)\b | label="IT export"
!digital attachment*
# export potential of commodities is not technology export
!re:\b(?:agricultural|grain|food|oil|gas|energy|commodity)\s+export\s+potential\b

# Russian
трансфер* технологи*
передач* технологи*
импортозамещ* | 2
экспорт* технологи*
технологическ* экспорт*
экспорт* ит
экспорт* программн*
экспорт* цифров*
экспорт* отечественн*
высокотехнологичн* экспорт*
экспорт* высокотехнологичн*
экспортн* потенциал* | 0.5
отечественн* программн* обеспечени*
отечественн* ит-решени*
цифров* атташе
технологическ* дипломати*
лицензировани* технологи*
!экспортн* потенциал* зерн*
!экспортн* потенциал* агропром*

# Spanish
sustitución de importaciones | 2
transferencia de tecnolog*
transferencia tecnológica
exportaci* de tecnolog*
exportaci* tecnológic*
exportaci* de alta tecnolog*
exportaci* de software
exportaci* de servicio* digital*
exportaci* de solucion* digital*
exportaci* de ti
licencia* de tecnolog*
agregado* digital*
diplomacia tecnológica
software nacional
