# ... read as the measure: obligations are commitments, the headline; 100 + 10
compare transaction-kinds.csv --map measure=flow
