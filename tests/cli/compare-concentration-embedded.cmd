# concentration of the embedded Kiel data (42 donors), before folding into Others
compare --concentration --top 5
