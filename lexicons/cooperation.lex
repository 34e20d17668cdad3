# International cooperation: partnership and collaboration between countries and organisations,
# bilateral/multilateral formats, mutual benefit, joint initiatives and projects, dialogue,
# working groups, intergovernmental commissions, memoranda of understanding.
@theme cooperation
@label International cooperation
@description International partnership and collaboration: bilateral and multilateral formats, joint initiatives, dialogue, working groups and memoranda of understanding.
@lang en ru es

# English
international cooperation | 2
cooperat*
co-operat*
collaborat*
partnership*
partner countr*
international partner*
foreign partner*
trusted partner*
bilateral*
multilateral*
mutual* benefi*
win-win
joint initiative*
joint project*
joint venture*
joint statement*
joint declaration*
memorand* of understanding
joint working group*
international working group*
intergovernmental working group*
intergovernmental commission*
intergovernmental
exchange of experience
experience sharing
knowledge sharing
exchange of best practice*
international engagement
# "dialogue" is also used for any discussion: weak signal
dialog* | 0.5
re:\bMoUs?\b | label=MoU
!limited liability partnership*
!civil partnership*
!domestic partnership*
!dialog box*
!dialogue box*
!intergovernmental panel on climate change
# Spanish "cooperativa" (a co-op) is matched by cooperat*
!cooperativa*

# Russian
международн* сотрудничеств* | 2
сотрудничеств*
партнер*
# ё spelling (партнёр, партнёрство): ё and е are different match keys without --fold-accents
re:партнёр | label=партнёр…
стратегическ* партнерств*
стран* партнер*
взаимовыгодн*
взаимн* выгод*
двусторонн*
многосторонн*
совместн* проект*
совместн* инициатив*
совместн* предприяти*
меморандум*
международн* рабоч* групп*
совместн* рабоч* групп*
межправительственн* комисси*
международн* взаимодейств*
обмен* опытом
коллаборац*
кооперац*
диалог* | 0.5
# двусторонний = also "double-sided" (tape, printing)
!двусторонн* скотч*
!двусторонн* печат*

# Spanish
# (bilateral, multilateral are matched by the English stems)
cooperación internacional | 2
cooperaci*
colaboraci*
asociación estratégica
alianza* estratégica*
socio* estratégico*
país* socio*
beneficio* mutuo*
mutuamente beneficios*
memor* de entendimiento
iniciativa* conjunta*
proyecto* conjunto*
empresa* conjunta*
comisi* intergubernamental*
grupo* de trabajo conjunto*
intercambio de experiencia*
intercambio de buenas prácticas
