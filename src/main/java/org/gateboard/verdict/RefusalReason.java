package org.gateboard.verdict;

/** Why a gate refused entry (notice rules 1, 2, 4 and 6). More may be added. */
public enum RefusalReason {
    CODE_RED, CODE_YELLOW, NO_CODE, PHOTOLESS_WITHOUT_ID, NO_MASK, FEVER
}
