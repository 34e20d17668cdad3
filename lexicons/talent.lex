# Talent: IT/digital talent and workforce, skills, training and education of specialists and
# engineers, upskilling and reskilling, brain drain, talent hubs. Entertainment senses of
# "talent" (shows, agencies, contests) are excluded.
@theme talent
@label Talent and skills
@description Digital and IT talent, workforce development, skills, training and education of specialists, and brain drain.
@lang en ru es

# English
talent*
digital talent* | 2
tech talent*
engineering talent*
workforce | 0.5
workforce development
skilled workforce
digital skill*
technical skill*
skills gap*
skills shortage*
skill* development
reskill*
upskill*
vocational training
professional training
specialist training
staff training
training program*
training of specialist*
shortage of specialist*
qualified specialist*
highly qualified
highly skilled
digital literacy
computer literacy
digital education
engineering education
stem education
technical education
vocational education
higher education | 0.5
software engineer*
software developer*
programmer*
human capital
brain drain | 2
brain gain
brain circulation
internship*
apprenticeship*
lifelong learning
e-learning
coding bootcamp*
scholarship*
mentorship*
career fair*
young professionals
data analyst*
cybersecurity specialist*
coding academ*
# "IT specialists", "IT talent" ...: IT in capitals only, so "make it professional" does not count
re:\b(?-i:IT)\s+(?:talents?|specialists?|professionals?|personnel|workforce|staff|engineers?|experts?|skills|education|training|graduates?)\b | label="IT talent"
!talent show*
!talent agenc*
!talent contest*
!talent competition*
!talent scout*
!got talent

# Russian
кадр*
подготовк* кадр* | 2
кадров* голод*
ит-кадр*
it-кадр*
ит-специалист*
it-специалист*
подготовк* специалист*
квалифицированн* специалист*
дефицит* специалист*
талант*
утечк* мозгов
цифров* навык*
цифров* компетенци*
цифров* грамотност*
переподготовк*
повышени* квалификаци*
образовательн* программ*
цифров* образовани*
ит-образовани*
инженерн* образовани*
программист*
разработчик* программн* обеспечени*
стажировк*
человеческ* капитал*
# кадр = also a film/video frame
!стоп-кадр*
!кадр* из фильм*
!кадр* видео*
!шоу талант*

# Spanish
# (bare "talento(s)" is already matched by the English stem talent*)
talento digital | 2
capital humano
fuga de cerebros
fuga de talento*
formación profesional
formación de especialista*
formación técnica
capacitación
habilidades digitales
competencias digitales
alfabetización digital
recualifica*
reconversión profesional
especialista* en tecnolog*
especialista* en ti
ingenier* de software
programador*
desarrollador* de software
fuerza laboral
mano de obra calificada
mano de obra cualificada
educación digital
educación stem
pasantía*
!show de talento*
!concurso de talento*
