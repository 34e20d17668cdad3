# Research and innovation: R&D, joint and scientific research, research centres and
# laboratories, scientific cooperation, innovation, startups, incubators, technology and science
# parks, venture capital, patents. Market/opinion research and medical lab tests are excluded.
@theme research
@label Research and innovation
@description Research and innovation: R&D, joint research, research centres and laboratories, scientific cooperation, startups and technology parks.
@lang en ru es

# English
research and development | 2
joint research
collaborative research
scientific research
applied research
fundamental research
basic research
# bare "research" also means any study or survey: weak signal
research* | 0.5
research cent*
research institut*
research infrastructur*
laborator*
lab
labs
innovat*
scientific cooperation
science and technology
scientific and technical
scientific and technolog*
technology park*
technopark*
science park*
startup*
start-ups
start-up compan*
incubator*
accelerator*
venture capital
patent*
hackathon*
deep tech*
deeptech
re:\bR\s?&\s?D\b | 2 label=R&D
!market research*
!consumer research*
!patently
!neonatal incubator*
!laboratory test*
!accelerator pedal*

# Russian
исследовани* и разработк* | 2
ниокр
научн* исследовани*
научно-исследовательск*
совместн* исследовани*
прикладн* исследовани*
фундаментальн* исследовани*
исследовательск* центр*
научн* центр*
лаборатори*
инновац*
стартап*
технопарк*
научн* сотрудничеств*
научно-техническ*
бизнес-инкубатор*
акселератор*
патент*
венчурн*
наукоград*
хакатон*
# патент also = a migrant work permit
!патент* на работ*
!трудов* патент*
!маркетингов* исследовани*

# Spanish
# (laboratorio, startups are matched by the English stems laborator*, startup*)
investigación y desarrollo | 2
investigación conjunta
investigación científica
investigación aplicada
centro* de investigación
innovaci*
innovador*
parque* tecnológico*
parque* científico*
empresa* emergente*
cooperación científica
ciencia y tecnología
incubadora* de empresas
capital de riesgo
capital emprendedor
re:\bI\s?\+\s?D\b | label=I+D
