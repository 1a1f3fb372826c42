package org.reclaim.notify;

/** How a message goes: GOV.UK Notify email or text; LETTER is counted against Notify's daily letter limit if ever sent here. */
public enum Channel { EMAIL, SMS, LETTER }
