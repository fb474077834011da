"""Arabic time expressions: lexicon, patterns, rules and calendar arithmetic behind
:func:`rasid.extract.times.find_times`."""
