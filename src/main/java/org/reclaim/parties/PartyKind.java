package org.reclaim.parties;

public enum PartyKind { PERSON, ORGANISATION }
