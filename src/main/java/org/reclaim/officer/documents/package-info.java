/** The officer's view of letters: a letter's PDF opened from the account page's timeline. */
@org.jspecify.annotations.NullMarked
package org.reclaim.officer.documents;
