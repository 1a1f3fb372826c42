package org.reclaim.notify;

/** How a message goes through GOV.UK Notify: email, text, or a stored letter posted as a precompiled PDF (LetterPosting). */
public enum Channel { EMAIL, SMS, LETTER }
