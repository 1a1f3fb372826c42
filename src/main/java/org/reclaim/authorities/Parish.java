package org.reclaim.authorities;

/** A parish area of a billing authority: its parish council's precept is paid only by the dwellings in it. */
public record Parish(int id, String name) {
}
