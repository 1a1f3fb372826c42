/**
 * Billing authorities (several can share one installation), the bodies whose precepts they collect, and each
 * year's configuration (Band D amounts, with their published source).
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.authorities;
