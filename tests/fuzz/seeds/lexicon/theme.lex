# comment
@theme talent
@label IT talent
skills
talent*
digital skills | 2
!talent show
re:\bSTEM\b
data-driven
