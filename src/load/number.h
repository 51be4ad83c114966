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

/* What a number's text says about its decimal mark. */
typedef enum {
    AID_MARK_NONE = 0, /* no '.' nor ',' (or not a number at all): nothing */
    AID_MARK_POINT,    /* "2.5", "1,250.5", "12,345,678": '.' is the decimal mark */
    AID_MARK_COMMA,    /* "2,5", "1.250,5", "12.345.678": ',' is the decimal mark */
    AID_MARK_EITHER    /* "1.500", "2,250": one mark and three digits after it */
} aid_mark_t;

/* The end of a message about an unclear decimal mark (the CLI adds its
 * options when it sees it). */
#define AID_MARK_ADVICE "state the decimal mark"

/* Classify s (blanks and a sign around it allowed). */
aid_mark_t aid_number_mark(const char *s);

/* Parse an integer cell (year, month, day) with optional ".0" (spreadsheet
 * exports); false when not an integer. */
bool aid_int_parse(const char *s, long *out);

#endif
