package org.reclaim.arrangements;

/** How an income and expenditure form reached the council. */
enum Channel {
    PHONE, ONLINE, PAPER, EMAIL
}
