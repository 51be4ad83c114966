/* Internal: numbers as people type them into spreadsheets. */
#ifndef AID_NUMBER_H
#define AID_NUMBER_H

#include <stdbool.h>

typedef enum { AID_NUM_OK = 0, AID_NUM_MISSING, AID_NUM_BAD } aid_num_t;

/* Parse s: optional sign, digits with thousands separators (',' ' ' '\''
 * or, with decimal_comma, '.'), a decimal mark, an exponent. Thousands
 * groups must have three digits, so "1,5" is rejected rather than read as
 * 15. "", ".", "-", "NA", "N/A", "n.a." and "NaN" are missing. */
aid_num_t aid_number_parse(const char *s, bool decimal_comma, double *out);

/* Parse an integer cell (year, month, day) with optional ".0" (spreadsheet
 * exports); false when not an integer. */
bool aid_int_parse(const char *s, long *out);

#endif
