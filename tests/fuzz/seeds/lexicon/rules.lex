@theme rules
protection | 2 near=data,privacy*/3
cloud | not-before=not,no/2 sentence=server*
