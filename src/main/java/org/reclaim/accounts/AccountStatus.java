package org.reclaim.accounts;

public enum AccountStatus { OPEN, CLOSED }
